import StrategyDiagnostics
/// A theme ("Showing leadership") or the enablers group, with its key areas in order.
public struct Theme: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var order: Int
    public var kind: ThemeKind
    public var description: RichText
    /// Active and retired key areas, sorted by `order` then id.
    public var keyAreas: [KeyArea]
    public var range: SourceRange
    public var idRange: SourceRange
    /// Where the `order` value is written.
    public var orderRange: SourceRange?

    public init(
        id: String, title: String, order: Int, kind: ThemeKind, description: RichText, keyAreas: [KeyArea],
        range: SourceRange, idRange: SourceRange
    ) {
        self.id = id
        self.title = title
        self.order = order
        self.kind = kind
        self.description = description
        self.keyAreas = keyAreas
        self.range = range
        self.idRange = idRange
    }

    /// The key areas published in this edition.
    public var activeKeyAreas: [KeyArea] { keyAreas.filter { $0.status == .active } }
}
