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
        let action = ReportAction(pipeline, returns: returns, previous: previous, peers: peers, variant: source.variant)
        guard let outcome = try reporting.perform(collector, { try action.perform() }), !collector.hasErrors else {
            try reporting.fail(collector)
        }
        try reporting.finish(collector)
        let read = outcome.returns.count, earlier = outcome.earlier.count
        Output.wrote(reporting, "wrote \(output)/: the report on \(read) return\(read == 1 ? "" : "s")"
            + (earlier == 0 ? "" : " and \(earlier) earlier") + " (index.html, report.md, report.json, actions.csv; \(outcome.files.count) files)")
    }
}
