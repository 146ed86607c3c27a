import StrategyDiagnostics
/// A council's completed assessment, read back from its workbook (or CSV): who answered, and each
/// indicator's answers, by the indicator's stable id.
public struct CompletedReturn: Equatable, Sendable {
    /// One indicator's answers. Levels are level ids (`mature`), not the names the workbook shows.
    public struct Answer: Equatable, Sendable {
        public var current: String?
        public var target: String?
        public var evidence = ""
        public var actions = ""
        public var owner = ""
        /// As written in the cell: a date is shown YYYY-MM-DD.
        public var reviewDate = ""

        public init(current: String? = nil, target: String? = nil) {
            self.current = current
            self.target = target
        }
    }

    /// What the workbook says it was made from (its Metadata sheet). A CSV carries no stamp.
    public struct Stamp: Equatable, Sendable {
        public var edition: String
        public var contentHash: String
        public var layout: String
        /// The variant's id, for a variant's workbook; nil for the national one.
        public var variant: String?

        public init(edition: String, contentHash: String, layout: String, variant: String? = nil) {
            self.edition = edition
            self.contentHash = contentHash
            self.layout = layout
            self.variant = variant
        }
    }

    /// What became of the answers when the return was made from another edition (or another version of
    /// this one): carried to the indicators that replaced theirs, dropped with an indicator retired without
    /// replacement, and indicators the return never asked about.
    public struct Migration: Equatable, Sendable {
        /// The edition the return was made from.
        public var fromEdition: String
        /// `from` (retired) → `to` (its active replacement), in row order.
        public var carried: [Carried] = []
        /// Retired indicators with no active replacement whose answers could not be kept.
        public var dropped: [String] = []
        /// Published indicators the return has no row for: new since it was made, so unanswered.
        public var new: [String] = []

        public struct Carried: Equatable, Sendable {
            public var from: String
            public var to: String

            public init(from: String, to: String) {
                self.from = from
                self.to = to
            }
        }

        public init(fromEdition: String) {
            self.fromEdition = fromEdition
        }

        /// Whether anything was carried, dropped or found new.
        public var isEmpty: Bool { carried.isEmpty && dropped.isEmpty && new.isEmpty }
    }

    /// The file as the user named it.
    public var path: String
    /// Nil for a CSV return, which has no Metadata sheet.
    public var stamp: Stamp?
    /// The About answers, by the defined name of their cell (`AboutRegion` → `North West`); a question left
    /// blank is absent.
    public var about: [String: String]
    /// Where each About answer is (or, left blank, would be), by the defined name of its cell: problems with
    /// an answer are reported at its cell, as the respondent sees it, not at the file.
    public var aboutCells: [String: SourceLocation] = [:]
    /// By indicator id; every published indicator the return answers (or has a blank row for).
    public var answers: [String: Answer]
    /// Nil when every row was for a published indicator of the strategy it was read against.
    public var migration: Migration?

    public init(path: String, stamp: Stamp?, about: [String: String], answers: [String: Answer], migration: Migration? = nil) {
        self.path = path
        self.stamp = stamp
        self.about = about
        self.answers = answers
        self.migration = migration
    }

    /// The About answer with this defined name, or "" when it was left blank.
    public func about(_ name: AboutQuestion) -> String { about[name.rawValue] ?? "" }

    /// Where the answer to this question is, or would be; the whole file when the return has no place for it.
    public func range(of question: AboutQuestion) -> SourceRange {
        SourceRange(at: aboutCells[question.rawValue] ?? .wholeFile(path))
    }

    /// The About questions by their defined names, as the workbook names their answer cells.
    public enum AboutQuestion: String, CaseIterable, Sendable {
        case organisation = "AboutOrganisation"
        case organisationType = "AboutOrganisationType"
        case region = "AboutRegion"
        case role = "AboutRespondentRole"
        case department = "AboutRespondentDepartment"
        case date = "AboutAssessmentDate"
        case round = "AboutRound"
        case validation = "AboutValidation"

        /// The question as the About sheet and the CSV's header ask it.
        public var label: String {
            switch self {
            case .organisation: "Organisation"
            case .organisationType: "Organisation type"
            case .region: "Region"
            case .role: "Your role"
            case .department: "Your department"
            case .date: "Date of the assessment"
            case .round: "Round"
            case .validation: "Self-assessed or externally validated"
            }
        }
    }

    /// The Assessment sheet's columns a reader needs, by their header: columns are found by header, never
    /// by position.
    public enum Column: String, CaseIterable, Sendable {
        case current = "Current level"
        case target = "Target level"
        case evidence = "Evidence"
        case actions = "Actions"
        case owner = "Owner"
        case reviewDate = "Review date"
        case indicatorID = "Indicator id"
    }
}
