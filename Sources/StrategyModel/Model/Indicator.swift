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

    public init(id: String, title: String, descriptors: [Descriptor], range: SourceRange, idRange: SourceRange) {
        self.id = id
        self.title = title
        self.descriptors = descriptors
        self.range = range
        self.idRange = idRange
    }

    /// The descriptor for a level, if the indicator has one.
    public func descriptor(for levelID: String) -> Descriptor? {
        descriptors.first { $0.levelID == levelID }
    }
}
