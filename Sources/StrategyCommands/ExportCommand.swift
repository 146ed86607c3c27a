import ArgumentParser
import Foundation
import StrategyPipeline
import StrategyRender

/// `strategyc export --format json [DIR]`: the checked model as data, for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the checked model (or write it to a file). Nothing is written if there are errors.",
        discussion: "With --variant, the variant resolved onto its bases, with every element's origin."
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
    @OptionGroup var variant: VariantOption

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        let action = ExportAction(pipeline, variant: variant.folder, output: output)
        guard let outcome = try options.perform(collector, { try action.perform() }) else {
            try options.fail(collector)
        }
        try options.finish(collector)
        guard let output else { return FileHandle.standardOutput.write(outcome.document) }
        Output.wrote(options, "wrote \(output): the model of edition \(outcome.edition) as JSON")
    }
}
