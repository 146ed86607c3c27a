import ArgumentParser
import Foundation
import StrategyModel
import StrategyRender

/// `strategyc workbook [DIR] -o FILE`: just the blank assessment workbook.
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Check the sources and write the blank assessment workbook (XLSX)."
    )

    @Option(name: [.short, .customLong("output")], help: "The workbook file to write.")
    var output: String = "assessment.xlsx"

    @OptionGroup var options: CompileOptions

    func run() throws {
        let (strategy, _) = try options.compile()
        var diagnostics: [Diagnostic] = []
        let files = try Self.render(strategy, generator: "strategyc \(StrategycVersion.current)", diagnostics: &diagnostics)
        options.write(diagnostics)
        guard let workbook = files.first(where: { $0.path.hasSuffix(".xlsx") }), !diagnostics.containsErrors else {
            throw ExitCode(ExitStatus.errors.rawValue)
        }
        do {
            try workbook.contents.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Output.standardError("strategyc: error: cannot write \(output): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }

    /// The workbook and CSV; a libxlsxwriter failure is reported and ends the command.
    static func render(_ strategy: Strategy, generator: String, diagnostics: inout [Diagnostic]) throws -> [OutputFile] {
        do {
            return try WorkbookRenderer(generator: generator).render(strategy, diagnostics: &diagnostics)
        } catch {
            Output.standardError("strategyc: error: cannot write the workbook: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
