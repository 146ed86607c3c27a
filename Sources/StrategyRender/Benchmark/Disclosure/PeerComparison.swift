import StrategyModel

/// What a council's report shows of the peer benchmark: the published figures of the groups it belongs
/// to (all councils, its region, its type), as `benchmark.json` gives them, rounded counts and all. The
/// council's own figures come from its report; nothing here is recomputed.
public struct PeerComparison: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// "All councils", "Region: North West", "Type: Other types" (when the council's type was pooled).
        public var label: String
        /// By key-area id: councils at each level, then not rated, as published (rounded); nil where withheld.
        public var counts: [String: [Int?]]
        /// By key-area id: the group's size; nil where withheld.
        public var sizes: [String: Int?]
        /// By key-area id: the band of the median progress to target; nil when too few councils give one.
        public var medianProgress: [String: ProgressBand?]

        public init(label: String, counts: [String: [Int?]], sizes: [String: Int?], medianProgress: [String: ProgressBand?]) {
            self.label = label
            self.counts = counts
            self.sizes = sizes
            self.medianProgress = medianProgress
        }
    }

    public var round: String
    public var threshold: Int
    /// The level names, then "Not rated".
    public var categories: [String]
    public var groups: [Group]

    public init(round: String, threshold: Int, categories: [String], groups: [Group]) {
        self.round = round
        self.threshold = threshold
        self.categories = categories
        self.groups = groups
    }
}
