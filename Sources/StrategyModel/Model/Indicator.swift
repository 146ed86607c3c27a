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
    /// For a retired indicator (`{#id retired_in=2024}`), the edition it was retired in. Retired
    /// indicators stay in the sources so their ids are never reused, and are left out of what is published.
    public var retiredIn: String?
    /// For a retired indicator, the ids of the indicators that took its place.
    public var replacedBy: [String]
    /// Where each `replaced_by` id is written.
    public var replacedByRanges: [SourceRange]
    /// Where the `retired_in=` value is written.
    public var retiredInRange: SourceRange?

    public init(id: String, title: String, descriptors: [Descriptor], range: SourceRange, idRange: SourceRange,
                retiredIn: String? = nil, replacedBy: [String] = [], replacedByRanges: [SourceRange] = []) {
        self.id = id
        self.title = title
        self.descriptors = descriptors
        self.range = range
        self.idRange = idRange
        self.retiredIn = retiredIn
        self.replacedBy = replacedBy
        self.replacedByRanges = replacedByRanges
    }

    public var status: KeyAreaStatus { retiredIn == nil ? .active : .retired }

    /// The descriptor for a level, if the indicator has one.
    public func descriptor(for levelID: String) -> Descriptor? {
        descriptors.first { $0.levelID == levelID }
    }
}
