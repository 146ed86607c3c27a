import StrategyModel

/// Random rounding with shifts, driven by cell keys: how every count of the peer benchmark is published.
///
/// This is the Cell Key Method the ONS used for the 2021 Census (each record carries a secret random
/// *record key*; a cell's key is the sum of its records' keys, so the same councils give the same key in
/// every table and every round), with the perturbation in two parts, both drawn from the cell key:
/// - unbiased random rounding to a multiple of `base`, as Statistics New Zealand's random rounding to
///   base 3: a count that is a multiple of the base is kept; any other becomes one of the two multiples
///   either side of it, the upper with a chance equal to how far the count is past the lower;
/// - then a *shift* of whole steps of the base, two-sided geometric: none with chance 9 in 11, one step
///   up or down with 9 in 110 each, every further step a tenth as likely (`shiftOdds`), the result kept
///   between 0 and what the cell's group allows.
///
/// Why the shift: rounding alone moves a count by less than the base, so every figure says "the count is
/// within base - 1 of this". Two figures that cross (a type's row and a basis row, say), each rounded to
/// its farthest, then leave one possible answer for a council, and an attacker who knows three councils
/// found such pairs (docs/benchmark.md). With the shift any figure can come from any count its group
/// allows, so no set of figures rules any population of answers out and none can be worked out; the
/// shift costs accuracy, and what it costs and how much an attacker may still guess is measured there.
public struct CellKeyRounding: Sendable {
    public var base: Int
    /// A count is shifted a step further with a chance of one in this many (the geometric ratio 1/10).
    public static let shiftOdds: UInt64 = 10

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

    /// The shift of a cell, in steps of the base: from a second draw on the cell key (the key mixed by
    /// MurmurHash3's finaliser, so that it is unrelated to the rounding's draw), its lowest bit the
    /// direction and the rest the size: at least m steps with chance 2a^m / (1 + a), a = 1 / `shiftOdds`.
    public static func shift(cellKey: UInt32) -> Int {
        let draw = mixed(cellKey &+ 0x9E37_79B9)
        let size = UInt64(draw >> 1)  // 31 bits
        var steps = 0
        var odds: UInt64 = 1  // shiftOdds^(steps)
        // at least steps + 1 steps when size < 2^31 * 2a^(steps+1) / (1 + a) = 2^32 / (odds * (shiftOdds + 1))
        while odds <= (1 << 32), size < (UInt64(1) << 32) / (odds * (shiftOdds + 1)) {
            steps += 1
            odds *= shiftOdds
        }
        return draw & 1 == 0 ? steps : -steps
    }

    /// MurmurHash3's 32-bit finaliser.
    static func mixed(_ key: UInt32) -> UInt32 {
        var h = key
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }

    /// `count` as published: rounded as `round(_:cellKey:)`, shifted by `shift(cellKey:)` steps, and kept
    /// between 0 and, for a group of `size` councils, the largest multiple of the base the size allows.
    /// Without that cap, "10" of a group of 6 would tell every reader that all 6 are in the cell; with it a
    /// figure never excludes any count from 0 to the group's size.
    public func publish(_ count: Int, cellKey: UInt32, inGroupOf size: Int? = nil) -> Int {
        let shifted = round(count, cellKey: cellKey) + base * Self.shift(cellKey: cellKey)
        let capped = size.map { min(shifted, $0 - $0 % base) } ?? shifted
        return max(0, capped)
    }
}
