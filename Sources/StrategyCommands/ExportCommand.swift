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

    @Option(help: "Export a variant resolved onto its bases, with every element's origin.", completion: .directory)
    var variant: String?

    @OptionGroup var options: CompileOptions

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        if let output { pipeline.checkOutputFile(output, kind: .modelJSON) }
        let data: Data
        let edition: String
        if let variant {
            guard let resolved = try options.perform(collector, { try pipeline.resolveVariant(variant) }),
                  !collector.hasErrors else {
                try options.fail(collector)
            }
            data = VariantJSONRenderer().render(resolved)
            edition = resolved.base.edition
        } else {
            let (strategy, _) = try options.compile(collector)
            data = ModelJSONRenderer().render(strategy)
            edition = strategy.edition
        }
        guard let output else {
            try options.finish(collector)
            FileHandle.standardOutput.write(data)
            return
        }
        try options.perform(collector) { try pipeline.writeFile(data, to: output) }
        try options.finish(collector)
        Output.wrote(options, "wrote \(output): the model of edition \(edition) as JSON")
    }
}
