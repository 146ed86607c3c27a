import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline
import StrategyStore
import StrategyRender

/// `strategyc benchmark --store FILE --round R --out DIR`: the national and regional pictures of a round,
/// every figure through disclosure control.
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Write the peer benchmark of a round: national and regional reports (HTML, Markdown, CSV, JSON).",
        discussion: """
            No published figure rests on fewer councils than the threshold: small groups are pooled, small \
            counts withheld, and so is any count that would let a withheld one be worked out. The folder is \
            replaced only if strategyc wrote it. See docs/benchmark.md.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The round to report on (as the returns' About sheet gives it).")
    var round: String

    @OptionGroup var strategyOption: StrategyOption

    var strategy: String { strategyOption.folder }

    @Option(help: "The smallest number of councils a published figure may rest on (never below \(DisclosureControl.lowestThreshold)).")
    var threshold: Int = DisclosureControl.defaultThreshold

    @Option(name: .customLong("leave-out-type"),
            help: ArgumentHelp("A council type left out as not comparable (repeat for several).",
                               discussion: "Default: Combined authority. Give --leave-out-type none to compare every type."))
    var leaveOutTypes: [String] = []

    @OptionGroup var templateOptions: TemplatesOption

    @Option(name: [.short, .customLong("out")], help: "The benchmark folder.", completion: .directory)
    var output: String = "_benchmark"

    @OptionGroup var reporting: DiagnosticOptions

    func validate() throws {
        if threshold < DisclosureControl.lowestThreshold {
            throw ValidationError("--threshold must be at least \(DisclosureControl.lowestThreshold): below that, a published figure could point at a council")
        }
    }

    var leftOutTypes: [String] {
        leaveOutTypes.isEmpty ? ["Combined authority"] : leaveOutTypes.filter { $0.lowercased() != "none" }
    }

    func run() throws {
        let collector = reporting.makeCollector()
        let pipeline = PublicationPipeline(
            PublicationRequest(strategyFolder: strategy, templates: templateOptions.source, outputFolder: output,
                               generator: "strategyc \(StrategycVersion.current)"),
            collector: collector)
        let action = BenchmarkAction(pipeline, store: storeOptions.store,
                                     request: BenchmarkRequest(round: round, threshold: threshold, leftOutTypes: leftOutTypes))
        guard let outcome = try reporting.perform(collector, { try action.perform() }), !collector.hasErrors else {
            try reporting.fail(collector)
        }
        try reporting.finish(collector)
        let councils = outcome.figures.councilCount, regions = outcome.regions
        Output.wrote(reporting, "wrote \(output)/: the benchmark of round \(round), \(councils) council\(councils == 1 ? "" : "s"), national and \(regions) regional report\(regions == 1 ? "" : "s") (index.html, benchmark.md, figures.csv, benchmark.json; \(outcome.files.count) files)")
    }
}
