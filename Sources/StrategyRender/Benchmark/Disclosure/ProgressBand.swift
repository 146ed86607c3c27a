import StrategyModel

/// A median of progress to target as the benchmark publishes it: the tenth it falls in ("40–50%"), never
/// the value, because in a small group a median is one council's own figure.
public struct ProgressBand: Sendable, Equatable, Hashable {
    /// 0 to 9: the band from lowerTenth × 10% to (lowerTenth + 1) × 10%; the top band holds 100%.
    public var lowerTenth: Int

    public init(lowerTenth: Int) {
        self.lowerTenth = min(max(lowerTenth, 0), 9)
    }

    /// The band holding `value` (0 to 1). A value on a boundary belongs to the band above it, except 100%.
    public init(containing value: Double) {
        // The small allowance keeps 0.7 (stored as 0.6999…) in the band it names.
        self.init(lowerTenth: Int((value * 10 + 1e-9).rounded(.down)))
    }

    public var from: Double { Double(lowerTenth) / 10 }
    public var to: Double { Double(lowerTenth + 1) / 10 }

    /// "40–50%".
    public var text: String { "\(lowerTenth * 10)–\((lowerTenth + 1) * 10)%" }
}
