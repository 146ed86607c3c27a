import ArgumentParser
import StrategyModel
import StrategyPipeline

/// `strategyc workbook [DIR] -o FILE`: just the blank assessment workbook.
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

    @OptionGroup var options: CompileOptions

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        pipeline.checkOutputFile(output, kind: .workbook)
        let (strategy, _) = try options.compile(collector)
        let (published, stamp) = pipeline.prepare(strategy)
        let files = pipeline.renderWorkbook(published, stamp: stamp)
        guard let workbook = files.first(where: { $0.path.hasSuffix(".xlsx") }), !collector.hasErrors else {
            try options.finish(collector)
            throw ExitCode(ExitStatus.errors.rawValue)
        }
        try options.perform(collector) { try pipeline.writeFile(workbook.contents, to: output) }
        try options.finish(collector)
        let rows = published.keyAreas.reduce(0) { $0 + $1.indicators.count }
        Output.wrote(options, "wrote \(output): assessment workbook, edition \(strategy.edition), \(rows) indicators")
    }
}
