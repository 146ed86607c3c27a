import StrategyDiagnostics
/// What the assessment workbook asks about a return itself, in its "About this assessment" sheet: the
/// choices offered for the organisation's type, its region and how the answers were checked, and the
/// guidance shown above the questions.
///
/// The choices are data, written in `assessment.md` in the strategy folder, so that an editor can add a
/// region or rename a type of council without a new strategyc, and a regional variant inherits them.
public struct AssessmentForm: Hashable, Sendable {
    /// "County council", "District council", …: what kind of organisation answers.
    public var organisationTypes: [String]
    /// The English regions a council can belong to.
    public var regions: [String]
    /// How the answers were arrived at: "Self-assessed", "Externally validated".
    public var validations: [String]
    /// The body of `assessment.md`: how to fill in the sheet, shown at its top.
    public var guidance: RichText
    /// The `assessment.md` file.
    public var range: SourceRange

    public init(organisationTypes: [String], regions: [String], validations: [String], guidance: RichText,
                range: SourceRange) {
        self.organisationTypes = organisationTypes
        self.regions = regions
        self.validations = validations
        self.guidance = guidance
        self.range = range
    }
}
