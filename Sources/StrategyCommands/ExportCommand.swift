import ArgumentParser
import Foundation
import StrategyPipeline
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

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.",
            completion: .file(extensions: ["json"]))
    var output: String?

    @OptionGroup var options: CompileOptions

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        if let output { pipeline.checkOutputFile(output, kind: .modelJSON) }
        let (strategy, _) = try options.compile(collector)
        let data = ModelJSONRenderer().render(strategy)
        guard let output else {
            try options.finish(collector)
            FileHandle.standardOutput.write(data)
            return
        }
        try options.perform(collector) { try pipeline.writeFile(data, to: output) }
        try options.finish(collector)
        Output.wrote(options, "wrote \(output): the model of edition \(strategy.edition) as JSON")
    }
}
