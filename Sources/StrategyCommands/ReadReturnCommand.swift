import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline

/// `strategyc read-return RETURN... [--variant V] [-o FILE]`: reads completed returns back and checks
/// them, every problem at its cell, without writing a report.
struct ReadReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-return",
        abstract: "Read completed assessment returns (XLSX or CSV) back and check every answer.",
        discussion: """
            Each return is matched to the strategy (or --variant) by its hidden indicator ids, never by row \
            position. Problems are reported at their cell (return.xlsx:Assessment!E14). A return made from \
            an older edition is carried to this one through replaced_by. See docs/assessments.md.
            """
    )

    @Argument(help: "The completed returns: workbooks strategyc wrote (.xlsx), or their CSV twins (.csv).",
              completion: .file(extensions: ["xlsx", "csv"]))
    var returns: [String]

    @OptionGroup var source: ReturnSourceOptions

    @Option(name: [.short, .customLong("output")], help: "Also write the answers read, as JSON, to this file.",
            completion: .file(extensions: ["json"]))
    var output: String?

    @OptionGroup var reporting: DiagnosticOptions

    func validate() throws {
        if returns.isEmpty { throw ValidationError("give at least one return to read") }
    }

    func run() throws {
        let collector = reporting.makeCollector()
        let pipeline = PublicationPipeline(source.request(), collector: collector)
        let action = ReadReturnsAction(pipeline, returns: returns, variant: source.variant, output: output)
        guard let outcome = try reporting.perform(collector, { try action.perform() }) else {
            try reporting.fail(collector)
        }
        try reporting.finish(collector)
        for one in outcome.returns {
            let completed = one.completed
            let who = [completed.about(.organisation), completed.about(.role)].filter { !$0.isEmpty }.joined(separator: ", ")
            let round = completed.about(.round).isEmpty ? "" : ", round \(completed.about(.round))"
            Output.wrote(reporting, "read \(completed.path): \(who.isEmpty ? "no organisation given" : who)\(round); "
                + "\(one.answered) of \(one.indicators) indicators with both levels")
        }
        if let output { Output.wrote(reporting, "wrote \(output): the answers of \(outcome.returns.count) return\(outcome.returns.count == 1 ? "" : "s")") }
    }
}
