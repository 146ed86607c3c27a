import Foundation
import StrategyModel
import StrategySupport

/// The answers read, for `read-return -o` (and, next, a round's export): each return's About answers,
/// stamp, migration and answers by indicator id, levels as ids. The one definition of the format.
public struct ReturnsExport: Encodable {
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

    /// The shape's name, bumped when it changes incompatibly.
    var format = "strategyc-returns-1"
    var levels: [String]
    var returns: [Return]

    public init(_ returns: [CompletedReturn], levels: [Level]) {
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

extension ReturnsExport {
    /// The file's bytes: sorted keys, a final newline.
    public var encoded: Data { StableJSON.encode(self) }
}
