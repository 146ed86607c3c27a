/// Random rounding driven by cell keys: how every count of the peer benchmark is published.
///
/// This is the Cell Key Method the ONS used for the 2021 Census (each record carries a secret random
/// *record key*; a cell's key is the sum of its records' keys, so the same councils give the same key in
/// every table and every round), with the perturbation being unbiased random rounding to a multiple of
/// `base`, as Statistics New Zealand's random rounding to base 3. A count that is a multiple of the base is
/// published as it is; any other is published as one of the two multiples either side of it, the upper
/// with a chance equal to how far the count is past the lower. The cell key is the draw, so the rounding is
/// fixed by which councils are in the cell, not by the table the cell is in.
///
/// Why it protects councils where cell suppression did not: a published 0 may stand for up to `base - 1`
/// councils, and a count equal to its group's size may be short of it, so no zero and no full cell is ever
/// certain; nothing is withheld, so there is no pattern of withheld cells to read; and a reader who
/// subtracts one table from another, or one round from another, subtracts two rounded figures.
public struct CellKeyRounding: Sendable {
    public var base: Int

    public init(base: Int) {
        precondition(base >= 1)
        self.base = base
    }

    /// The key of a cell from its councils' record keys: their sum, wrapping, so that any one council's key
    /// moves the cell's key to anywhere.
    public static func cellKey<Keys: Sequence>(_ recordKeys: Keys) -> UInt32 where Keys.Element == UInt32 {
        recordKeys.reduce(0, &+)
    }

    /// `count` rounded to a multiple of the base: up when the cell key, as a fraction of 2³², is below
    /// (count mod base) / base, so the published figure is the count on average.
    public func round(_ count: Int, cellKey: UInt32) -> Int {
        let remainder = count % base
        guard remainder != 0 else { return count }
        let lower = count - remainder
        let cut = (UInt64(remainder) << 32) / UInt64(base)
        return UInt64(cellKey) < cut ? lower + base : lower
    }

    /// `count` of a group of `size` councils, rounded as `round(_:cellKey:)` but never above the largest
    /// multiple of the base that the size allows. Without the cap, "10" of a group of 6 would tell every
    /// reader that all 6 are in the cell (the count must be more than 10 - base); with it, a published
    /// figure never excludes the cell holding fewer than all of the group, or all but up to base - 1 of it.
    /// The cap keeps the count within base - 1 of the figure, and costs a little bias in full cells.
    public func round(_ count: Int, cellKey: UInt32, inGroupOf size: Int) -> Int {
        min(round(count, cellKey: cellKey), size - size % base)
    }
}
