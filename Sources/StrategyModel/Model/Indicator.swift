import StrategyDiagnostics
/// One row of a key area's maturity table: a named aspect of practice, described at every level.
public struct Indicator: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// In the strategy's level order when the sources are valid.
    public var descriptors: [Descriptor]
    /// The indicator's heading.
    public var range: SourceRange
    /// Where the `{#id}` is written, for diagnostics about the id.
    public var idRange: SourceRange
    /// Published, or retired (`{#id retired_in=2024 replaced_by=a,b}`). Retired indicators stay in the
    /// sources so their ids are never reused, and are left out of what is published.
    public var lifecycle: Lifecycle

    public init(id: String, title: String, descriptors: [Descriptor], range: SourceRange, idRange: SourceRange,
                lifecycle: Lifecycle = .active) {
        self.id = id
        self.title = title
        self.descriptors = descriptors
        self.range = range
        self.idRange = idRange
        self.lifecycle = lifecycle
    }

    public var status: KeyAreaStatus { lifecycle.status }

    /// The retirement's facts, for a retired element.
    public var retirement: Lifecycle.Retirement? { lifecycle.retirement }

    /// The descriptor for a level, if the indicator has one.
    public func descriptor(for levelID: String) -> Descriptor? {
        descriptors.first { $0.levelID == levelID }
    }
}
