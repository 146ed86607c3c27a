import StrategyModel

/// Answers to write into a workbook (and its CSV twin) instead of blank cells: a return filled in by
/// strategyc itself, from answers given some other way (the online diagnostic). What is written is what a
/// respondent would have typed, so the return is read back by the same reader as any other and a
/// respondent can download it, open it and go on in a spreadsheet.
public struct FilledReturn: Sendable, Equatable {
    /// One indicator's row: levels by their names, as the workbook's lists offer them.
    public struct Row: Sendable, Equatable {
        public var current: String
        public var target: String
        public var evidence: String
        public var actions: String
        public var owner: String
        /// `YYYY-MM-DD`, or empty.
        public var reviewDate: String

        public init(current: String = "", target: String = "", evidence: String = "", actions: String = "", owner: String = "",
                    reviewDate: String = "") {
            (self.current, self.target, self.evidence, self.actions, self.owner, self.reviewDate)
                = (current, target, evidence, actions, owner, reviewDate)
        }
    }

    /// The About answers.
    public var about: [CompletedReturn.AboutQuestion: String]
    /// By indicator id; an indicator without a row is left blank (a variant's default target stays).
    public var rows: [String: Row]

    public init(about: [CompletedReturn.AboutQuestion: String], rows: [String: Row]) {
        (self.about, self.rows) = (about, rows)
    }

    /// The About answer for the question of `definedName` (`AboutRegion`), or nil.
    func about(named definedName: String) -> String? {
        CompletedReturn.AboutQuestion(rawValue: definedName).flatMap { about[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
