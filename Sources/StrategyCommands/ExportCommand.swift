import ArgumentParser
import Foundation
import StrategyRender

/// `strategyc export --format json [DIR]`: the checked model as data, for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the checked model (or write it to a file). Nothing is written if there are errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Option(help: "The export format.")
    var format: Format = .json

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var options: CompileOptions

    func run() throws {
        let (strategy, _) = try options.compile()
        let data = ModelJSONRenderer().render(strategy)
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Output.standardError("strategyc: error: cannot write \(output): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
