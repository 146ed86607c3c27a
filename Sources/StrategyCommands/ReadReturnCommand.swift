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
        if let output { pipeline.checkOutputFile(output, kind: .returnsJSON) }
        guard let context = try reporting.perform(collector, { try pipeline.assessmentContext(variant: source.variant) }) else {
            try reporting.fail(collector)
        }
        let read = pipeline.readReturns(returns, in: context)
        if let output, !collector.hasErrors {
            let document = StableJSON.encode(ReturnsExport(read, levels: context.strategy.levels))
            try reporting.perform(collector) { try pipeline.writeFile(document, to: output) }
        }
        try reporting.finish(collector)
        for completed in read {
            let one = AssessmentResult(context.published, returns: [completed], weights: context.weights)
            let who = [completed.about(.organisation), completed.about(.role)].filter { !$0.isEmpty }.joined(separator: ", ")
            let round = completed.about(.round).isEmpty ? "" : ", round \(completed.about(.round))"
            Output.wrote(reporting, "read \(completed.path): \(who.isEmpty ? "no organisation given" : who)\(round); "
                + "\(one.answered) of \(one.indicatorCount) indicators with both levels")
        }
        if let output { Output.wrote(reporting, "wrote \(output): the answers of \(read.count) return\(read.count == 1 ? "" : "s")") }
    }
}

/// The answers read, for `read-return -o`: each return's About answers, stamp, migration and answers by
/// indicator id, levels as ids.
struct ReturnsExport: Encodable {
    struct Return: Encodable {
        var file: String
        var about: [String: String]
        var edition: String?
        var contentHash: String?
        var variant: String?
        var answers: [String: Answer]
        /// What became of the answers of a return of another edition; null for one of this edition.
        var migration: Migration?

        enum CodingKeys: String, CodingKey { case file, about, edition, contentHash, variant, answers, migration }

        // By hand, so that a return with no migration says so with an explicit null (the stamp's fields are
        // left out when there is none, as before).
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(about, forKey: .about)
            try container.encodeIfPresent(edition, forKey: .edition)
            try container.encodeIfPresent(contentHash, forKey: .contentHash)
            try container.encodeIfPresent(variant, forKey: .variant)
            try container.encode(answers, forKey: .answers)
            try container.encode(migration, forKey: .migration)
        }
    }

    struct Migration: Encodable {
        struct Carried: Encodable {
            var from: String
            var to: String
        }

        var fromEdition: String
        var carried: [Carried]
        var dropped: [String]
        var new: [String]
    }

    struct Answer: Encodable {
        var current: String?
        var target: String?
        var evidence: String
        var actions: String
        var owner: String
        var reviewDate: String
    }

    var format = "strategyc-returns-1"
    var levels: [String]
    var returns: [Return]

    init(_ returns: [CompletedReturn], levels: [Level]) {
        self.levels = levels.map(\.id)
        self.returns = returns.map { completed in
            Return(file: completed.path, about: completed.about, edition: completed.stamp?.edition,
                   contentHash: completed.stamp?.contentHash, variant: completed.stamp?.variant,
                   answers: completed.answers.mapValues {
                       Answer(current: $0.current, target: $0.target, evidence: $0.evidence, actions: $0.actions,
                              owner: $0.owner, reviewDate: $0.reviewDate)
                   },
                   migration: completed.migration.map { migration in
                       Migration(fromEdition: migration.fromEdition,
                                 carried: migration.carried.map { Migration.Carried(from: $0.from, to: $0.to) },
                                 dropped: migration.dropped, new: migration.new)
                   })
        }
    }
}
