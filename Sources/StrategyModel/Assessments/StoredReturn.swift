/// A return as the peer benchmark's store keeps it: who sent it, for which round, what it was made from,
/// and its answers by indicator, each marked national or local.
///
/// The store keeps a local answer (an indicator a variant added or reworded) because it is the council's
/// own, but marks it, and no national figure is ever made from a local answer.
public struct StoredReturn: Equatable, Sendable {
    /// Whether the levels are the council's own judgement or were checked from outside.
    public enum Basis: String, CaseIterable, Sendable {
        case selfAssessed = "self-assessed"
        case validated = "validated"

        public var title: String {
            switch self {
            case .selfAssessed: "Self-assessed"
            case .validated: "Externally validated"
            }
        }
    }

    public struct Answer: Equatable, Sendable {
        public var indicator: String
        public var keyArea: String
        /// Level ids (`mature`); nil for a blank cell.
        public var current: String?
        public var target: String?
        /// The variant added the indicator or changed its text: the council's, never the nation's.
        public var local: Bool

        public init(indicator: String, keyArea: String, current: String?, target: String?, local: Bool) {
            self.indicator = indicator
            self.keyArea = keyArea
            self.current = current
            self.target = target
            self.local = local
        }
    }

    /// SHA-256 of the file's bytes, in hex: the same file added twice is the same return.
    public var contentHash: String
    /// The file's name as it was added (the last part of its path).
    public var fileName: String
    public var council: String
    public var councilType: String
    public var region: String
    public var role: String
    public var department: String
    /// As the About sheet gives it (`2026`).
    public var round: String
    /// YYYY-MM-DD, or "" when the About sheet gives none.
    public var assessedOn: String
    public var basis: Basis
    /// The edition the workbook was made from.
    public var edition: String
    /// The edition its answers are now in (migrated through `replaced_by` when it differs from `edition`),
    /// and that model's content hash.
    public var modelEdition: String
    public var modelHash: String
    /// The variant the workbook was made from; nil for the national workbook.
    public var variant: String?
    public var answers: [Answer]

    public init(contentHash: String, fileName: String, council: String, councilType: String, region: String,
                role: String, department: String, round: String, assessedOn: String, basis: Basis, edition: String,
                modelEdition: String, modelHash: String, variant: String?, answers: [Answer]) {
        self.contentHash = contentHash
        self.fileName = fileName
        self.council = council
        self.councilType = councilType
        self.region = region
        self.role = role
        self.department = department
        self.round = round
        self.assessedOn = assessedOn
        self.basis = basis
        self.edition = edition
        self.modelEdition = modelEdition
        self.modelHash = modelHash
        self.variant = variant
        self.answers = answers
    }

    /// One council's identity across the spellings people type: case, spacing and punctuation aside.
    public static func key(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    /// Who answered: the same role and department of the same council is the same respondent.
    public var respondentKey: String { Self.key(role) + "|" + Self.key(department) }
    public var councilKey: String { Self.key(council) }

    /// The answers a national figure may be made from, as a return of the national strategy.
    public func nationalReturn() -> CompletedReturn {
        var answers: [String: CompletedReturn.Answer] = [:]
        for answer in self.answers where !answer.local {
            answers[answer.indicator] = CompletedReturn.Answer(current: answer.current, target: answer.target)
        }
        return CompletedReturn(path: fileName, stamp: nil, about: [:], answers: answers)
    }
}
