import StrategyDiagnostics
/// One maturity level, such as "Mature".
///
/// Levels are data: the strategy file lists them in order, lowest first, and every indicator describes each
/// of them. A model with four levels works the same way as one with five.
public struct Level: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    /// A sentence saying what reaching this level means, shown beside the level's name.
    public var summary: String?
    public var range: SourceRange

    public init(id: String, name: String, summary: String?, range: SourceRange) {
        self.id = id
        self.name = name
        self.summary = summary
        self.range = range
    }
}
