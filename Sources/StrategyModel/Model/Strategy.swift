import StrategyDiagnostics
/// A whole maturity strategy: its metadata, levels and themes. This is what every renderer receives.
public struct Strategy: Hashable, Sendable {
    public var title: String
    /// A shorter name for page titles and headers, when the full title is long.
    public var shortTitle: String?
    /// The edition, such as "2022". Kept as text so that "2022.1" or "2025-draft" work too.
    public var edition: String
    public var publisher: String
    /// The publication date as written (ISO 8601, `YYYY-MM-DD`); also the fixed timestamp of outputs.
    public var published: String?
    public var introduction: RichText
    /// Where the previous edition's sources are (`git:REV[:PATH]`, or a folder relative to this strategy's
    /// folder), for the "What changed in this edition" page.
    public var previousEdition: String?
    /// Where `previous_edition` is written, for diagnostics about it.
    public var previousEditionRange: SourceRange?
    /// Every edition published so far, oldest first, ending with `edition` (the optional `editions` key).
    /// When given, `since` and `retired_in` must name one of them; empty when not given.
    public var editions: [String] = []
    /// Where `editions` is written.
    public var editionsRange: SourceRange?
    /// Lowest first.
    public var levels: [Level]
    /// Sorted by `order` then id.
    public var themes: [Theme]
    /// The strategy.md file.
    public var range: SourceRange
    /// The "About this assessment" choices, from `assessment.md`; nil when the strategy has none (the
    /// workbook then asks its questions without lists to choose from).
    public var assessmentForm: AssessmentForm?
    /// Theme and key-area files that are part of the strategy but could not be built into it (see
    /// `UnbuiltSource`); empty when every file was built. Never published: a strategy with any is in error.
    public var unbuilt: [UnbuiltSource] = []

    public init(
        title: String, shortTitle: String? = nil, edition: String, publisher: String, published: String? = nil,
        introduction: RichText, levels: [Level], themes: [Theme], range: SourceRange
    ) {
        self.title = title
        self.shortTitle = shortTitle
        self.edition = edition
        self.publisher = publisher
        self.published = published
        self.introduction = introduction
        self.levels = levels
        self.themes = themes
        self.range = range
    }

    /// Every key area in publication order, active and retired.
    public var allKeyAreas: [KeyArea] { themes.flatMap(\.keyAreas) }

    /// Every indicator of every key area, active and retired.
    public var allIndicators: [Indicator] { allKeyAreas.flatMap(\.indicators) }
}
