import StrategyDiagnostics
/// A key area (or an enabler): one source file, with its description, help and maturity table.
public struct KeyArea: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var themeID: String
    public var order: Int
    /// Published, or retired in an edition with what replaced it.
    public var lifecycle: Lifecycle
    /// The edition the key area first appeared in.
    public var since: String
    /// Where the `since` value is written.
    public var sinceRange: SourceRange?
    /// Where the `order` value is written.
    public var orderRange: SourceRange?
    /// Where the `title` value is written.
    public var titleRange: SourceRange?
    public var description: RichText
    /// The "What it is" help; enablers usually have none.
    public var whatItIs: RichText?
    /// The "Why it is important" help; enablers usually have none.
    public var whyItIsImportant: RichText?
    public var indicators: [Indicator]
    /// Where indicator headings stand that could not be built into indicators (no valid id, no title): what
    /// they hold is unknown, so no check takes an indicator as gone because of them (see `UnbuiltSource`).
    public var unbuiltIndicators: [SourceRange] = []
    /// The file's path relative to the strategy folder (`key-areas/enablers/adding-value.md`), the same on
    /// every machine.
    public var source: String
    /// The whole source file.
    public var range: SourceRange
    /// Where the `id:` value is written.
    public var idRange: SourceRange

    public init(
        id: String, title: String, themeID: String, order: Int, lifecycle: Lifecycle = .active, since: String,
        description: RichText,
        whatItIs: RichText? = nil, whyItIsImportant: RichText? = nil, indicators: [Indicator],
        source: String, range: SourceRange, idRange: SourceRange
    ) {
        self.id = id
        self.title = title
        self.themeID = themeID
        self.order = order
        self.lifecycle = lifecycle
        self.since = since
        self.description = description
        self.whatItIs = whatItIs
        self.whyItIsImportant = whyItIsImportant
        self.indicators = indicators
        self.source = source
        self.range = range
        self.idRange = idRange
    }

    /// `active` or `retired`.
    public var status: KeyAreaStatus { lifecycle.status }

    /// The retirement's facts, for a retired element.
    public var retirement: Lifecycle.Retirement? { lifecycle.retirement }


    /// The path of the file the key area was read from, as diagnostics show it.
    public var sourcePath: String { range.path }
}
