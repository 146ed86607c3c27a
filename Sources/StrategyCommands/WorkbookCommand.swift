import ArgumentParser
import StrategyModel
import StrategyPipeline
import StrategyRender

/// `strategyc workbook [DIR] [--variant V] -o FILE`: just the blank assessment workbook.
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Check the sources and write the blank assessment workbook (XLSX).",
        discussion: """
            An existing FILE is replaced only if it is a blank workbook strategyc wrote: a workbook with \
            answers, any other file, a folder, a link and anything inside the sources are refused.
            """
    )

    @Option(name: [.short, .customLong("output")], help: "The workbook file to write.", completion: .file(extensions: ["xlsx"]))
    var output: String = "assessment.xlsx"

    @Option(help: "The workbook of a variant: its default targets filled in, its weights and an Origin column.",
            completion: .directory)
    var variant: String?

    @OptionGroup var options: CompileOptions

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        pipeline.checkOutputFile(output, kind: .workbook)
        let strategy: Strategy, published: PublishedStrategy, files: [OutputFile]
        if let variant {
            guard let resolved = try options.perform(collector, { try pipeline.resolveVariant(variant) }) else {
                try options.fail(collector)
            }
            pipeline.checkResolvedVariant(resolved)
            let stamp: PublicationStamp
            (strategy, published, stamp) = pipeline.prepareVariant(resolved)
            files = collector.hasErrors ? [] : pipeline.renderVariantWorkbook(resolved, published: published, stamp: stamp)
        } else {
            (strategy, _) = try options.compile(collector)
            let stamp: PublicationStamp
            (published, stamp) = pipeline.prepare(strategy)
            files = pipeline.renderWorkbook(published, stamp: stamp)
        }
        guard let workbook = files.first(where: { $0.path.hasSuffix(".xlsx") }), !collector.hasErrors else {
            try options.fail(collector)
        }
        try options.perform(collector) { try pipeline.writeFile(workbook.contents, to: output) }
        try options.finish(collector)
        let rows = published.keyAreas.reduce(0) { $0 + $1.indicators.count }
        Output.wrote(options, "wrote \(output): assessment workbook\(variant == nil ? "" : " for \(strategy.title)"), edition \(strategy.edition), \(rows) indicators")
    }
}
