import StrategyModel
import StrategyRender
import StrategySupport

/// What the writer, the reader of returns and the blank-workbook proof must agree on, declared once: the
/// sheets, the answer columns, the About sheet's questions and where they stand.
public enum AssessmentLayout {
    /// Every layout version starts with this; the full version is `AssessmentWorkbook.layoutVersion`.
    public static let versionPrefix = "strategyc-assessment-"
    public static let assessmentSheetName = "Assessment"
    public static let summarySheetName = "Summary"
    /// The hidden sheet of the stamp (layout, edition, content hash, variant).
    public static let metadataSheetName = "Metadata"
    /// The columns an assessor fills in (current and target level, evidence, actions, owner, review date),
    /// as spreadsheet letters.
    public static var answerColumnLetters: Set<String> {
        Set((AssessmentWorkbook.currentColumn...AssessmentWorkbook.reviewDateColumn).map(columnLetter))
    }
    /// The Target level column, where a variant's workbook starts with its default targets.
    public static var targetColumnLetter: String { columnLetter(AssessmentWorkbook.targetColumn) }
    /// The header of a variant's hidden column of default targets.
    public static let defaultTargetHeader = "Default target level"

    /// The sheet that asks who is answering, and the column of its answers.
    public static let aboutSheetName = "About"
    public static let aboutAnswerColumnLetter = "B"
    /// The row of the About sheet's header (zero-based); the questions follow it, one per row.
    public static let aboutHeaderRow = 2

    /// One question of the About sheet: its label, and the defined name of its answer cell, by which a
    /// reader finds the answer wherever the row has moved.
    public struct AboutQuestion: Sendable, Equatable {
        public let definedName: String
        public let label: String
    }

    /// The About sheet's questions, in order.
    public static let aboutQuestions: [AboutQuestion] = CompletedReturn.AboutQuestion.allCases.map {
        AboutQuestion(definedName: $0.rawValue, label: $0.label)
    }
}
