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
            answers, any other file, a folder, a link and anything inside the sources are refused. With \
            --variant, the variant's workbook: its default targets filled in, its weights and an Origin column.
            """
    )

    @Option(name: [.short, .customLong("output")], help: "The workbook file to write.", completion: .file(extensions: ["xlsx"]))
    var output: String = "assessment.xlsx"

    @OptionGroup var options: CompileOptions
    @OptionGroup var variant: VariantOption

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        let action = WorkbookAction(pipeline, variant: variant.folder, output: output)
        guard let outcome = try options.perform(collector, { try action.perform() }), outcome.written else {
            try options.fail(collector)
        }
        try options.finish(collector)
        let rows = outcome.published.keyAreas.reduce(0) { $0 + $1.indicators.count }
        Output.wrote(options, "wrote \(output): assessment workbook\(variant.folder == nil ? "" : " for \(outcome.strategy.title)"), "
            + "edition \(outcome.strategy.edition), \(rows) indicators")
    }
}
