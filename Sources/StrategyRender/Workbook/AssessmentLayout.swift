/// The parts of the assessment workbook's layout that tools outside the renderer rely on: to recognise a
/// blank workbook before replacing it, and (later) to read a completed one back.
public enum AssessmentLayout {
    /// Every layout version starts with this; the full version is `AssessmentWorkbook.layoutVersion`.
    public static let versionPrefix = "strategyc-assessment-"
    public static let assessmentSheetName = AssessmentWorkbook.assessmentSheetName
    /// The columns an assessor fills in (current and target level, evidence, actions, owner, review date),
    /// as spreadsheet letters.
    public static var answerColumnLetters: Set<String> {
        Set((AssessmentWorkbook.currentColumn...AssessmentWorkbook.reviewDateColumn).map(columnLetter))
    }
    /// The Target level column, where a variant's workbook starts with its default targets.
    public static var targetColumnLetter: String { columnLetter(AssessmentWorkbook.targetColumn) }
    /// The header of a variant's hidden column of default targets.
    public static let defaultTargetHeader = "Default target level"
}
