import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline

/// `strategyc report RETURN... [--variant V] [--previous OLDER]... --out DIR`: a council's report on its
/// returns: where it stands against its targets, the gaps, the next steps, and progress since an earlier
/// round.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a council's report from its completed returns (HTML, Markdown and JSON).",
        discussion: """
            Several returns of one council (several respondents) are combined indicator by indicator and \
            shown side by side. The report is written only when every return reads back without errors, \
            into a folder that is replaced only if strategyc wrote it. See docs/assessments.md.
            """
    )

    @Argument(help: "The council's completed returns (.xlsx or .csv), one per respondent.",
              completion: .file(extensions: ["xlsx", "csv"]))
    var returns: [String]

    @Option(help: "A return of an earlier round, for progress since then (repeat for several respondents).",
            completion: .file(extensions: ["xlsx", "csv"]))
    var previous: [String] = []

    @Option(help: "The national benchmark.json of `strategyc benchmark`, to compare the council with its peers.",
            completion: .file(extensions: ["json"]))
    var peers: String?

    @OptionGroup var source: ReturnSourceOptions

    @OptionGroup var templateOptions: TemplatesOption

    @Option(name: [.short, .customLong("out")], help: "The report folder.", completion: .directory)
    var output: String = "_report"

    @OptionGroup var reporting: DiagnosticOptions

    func validate() throws {
        if returns.isEmpty { throw ValidationError("give at least one return to report on") }
    }

    func run() throws {
        let collector = reporting.makeCollector()
        let pipeline = PublicationPipeline(source.request(templates: templateOptions.source, output: output), collector: collector)
        pipeline.checkOutputFolder()
        guard let context = try reporting.perform(collector, { try pipeline.assessmentContext(variant: source.variant) }) else {
            try reporting.fail(collector)
        }
        let templates = pipeline.loadTemplates(overrides: context.templateOverrides)
        let read = pipeline.readReturns(returns, in: context)
        let earlier = pipeline.readReturns(previous, in: context)
        pipeline.checkOneOrganisation(read + earlier)
        pipeline.checkEarlierRound(read, previous: earlier)
        guard let templates, !collector.hasErrors, read.count == returns.count, earlier.count == previous.count else {
            try reporting.fail(collector)
        }
        let about = { (question: CompletedReturn.AboutQuestion) in read.lazy.map { $0.about(question) }.first { !$0.isEmpty } ?? "" }
        let comparison = peers.flatMap {
            pipeline.peerComparison($0, edition: context.strategy.edition, region: about(.region), type: about(.organisationType))
        }
        guard peers == nil || comparison != nil else {
            try reporting.fail(collector)
        }
        let files = pipeline.renderReport(read, previous: earlier, in: context, templates: templates, peers: comparison)
        guard !collector.hasErrors else {
            try reporting.fail(collector)
        }
        try reporting.perform(collector) { try pipeline.write(files) }
        try reporting.finish(collector)
        Output.wrote(reporting, "wrote \(output)/: the report on \(read.count) return\(read.count == 1 ? "" : "s")"
            + (earlier.isEmpty ? "" : " and \(earlier.count) earlier") + " (index.html, report.md, report.json, actions.csv; \(files.count) files)")
    }
}
