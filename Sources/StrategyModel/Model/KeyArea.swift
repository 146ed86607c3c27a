/// A key area (or an enabler): one source file, with its description, help and maturity table.
public struct KeyArea: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var themeID: String
    public var order: Int
    public var status: KeyAreaStatus
    /// The edition the key area first appeared in.
    public var since: String
    /// For a retired key area, the edition it was retired in.
    public var retiredIn: String?
    /// For a retired key area, the ids of the key areas that took its place.
    public var replacedBy: [String]
    /// Where each `replaced_by` id is written.
    public var replacedByRanges: [SourceRange] = []
    /// Where the `since` value is written.
    public var sinceRange: SourceRange?
    /// Where the `retired_in` value is written.
    public var retiredInRange: SourceRange?
    public var description: RichText
    /// The "What it is" help; enablers usually have none.
    public var whatItIs: RichText?
    /// The "Why it is important" help; enablers usually have none.
    public var whyItIsImportant: RichText?
    public var indicators: [Indicator]
    /// The file's path relative to the strategy folder (`key-areas/enablers/adding-value.md`), the same on
    /// every machine.
    public var source: String
    /// The whole source file.
    public var range: SourceRange
    /// Where the `id:` value is written.
    public var idRange: SourceRange

    public init(
        id: String, title: String, themeID: String, order: Int, status: KeyAreaStatus, since: String,
        retiredIn: String? = nil, replacedBy: [String] = [], description: RichText,
        whatItIs: RichText? = nil, whyItIsImportant: RichText? = nil, indicators: [Indicator],
        source: String, range: SourceRange, idRange: SourceRange
    ) {
        self.id = id
        self.title = title
        self.themeID = themeID
        self.order = order
        self.status = status
        self.since = since
        self.retiredIn = retiredIn
        self.replacedBy = replacedBy
        self.description = description
        self.whatItIs = whatItIs
        self.whyItIsImportant = whyItIsImportant
        self.indicators = indicators
        self.source = source
        self.range = range
        self.idRange = idRange
    }

    /// The indicators published in this edition (retired ones stay in `indicators`).
    public var activeIndicators: [Indicator] { indicators.filter { $0.status == .active } }

    /// The path of the file the key area was read from, as diagnostics show it.
    public var sourcePath: String { range.path }
}
