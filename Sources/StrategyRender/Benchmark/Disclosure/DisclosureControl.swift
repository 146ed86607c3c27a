import StrategyModel

/// Keeps every published figure from telling anyone a council's answers: the rules of docs/benchmark.md.
///
/// Counts are published in *families*: one measure (the level reached in a key area, say) counted over
/// the same councils by every grouping (nationally, by region, by type, by basis). Every count of every
/// family is published rounded to a multiple of the threshold and shifted by its cell key (`CellKeyRounding`), so the
/// tables of a round, and of every round, are protected together: the same councils give the same
/// figure wherever they are counted, and any figure could have come from any count its group allows. Group sizes are exact: who took part is not secret.
///
/// Figures that are not counts (medians of progress) are published only as the tenth they fall in, and
/// only for a group of at least twice the threshold, so that no median is a small group's one council.
public struct DisclosureControl: Sendable {
    public static let defaultThreshold = 5
    /// Below this no figure is safe enough to publish, whatever is asked.
    public static let lowestThreshold = 3

    /// The smallest group shown, the base counts are rounded to, and half the smallest group a median
    /// is given for.
    public var threshold: Int
    /// The key of a cell with no council in it, which every other cell's key starts from: drawn from the
    /// store's secret (`RecordKeys.emptyCell`), so that what an empty cell publishes is as secret as the
    /// rest. Left at 0, anyone could work out the shift of every empty cell.
    public var emptyCellKey: UInt32
    public var rounding: CellKeyRounding { CellKeyRounding(base: threshold) }
    /// A median is published only over this many values or more.
    public var medianMinimum: Int { 2 * threshold }

    public init(threshold: Int = defaultThreshold, emptyCellKey: UInt32 = 0) {
        self.threshold = max(threshold, Self.lowestThreshold)
        self.emptyCellKey = emptyCellKey
    }

    /// One measure counted over the same councils by every grouping.
    public struct Family: Sendable {
        public var categories: [String]
        /// In the order of the partitions given.
        public var tables: [ProtectedTable]
    }

    /// `category[x]` is council x's category, `groups[p][x]` its group in partition p, and `recordKeys[x]`
    /// its secret record key. Nothing is published when there are fewer councils than the threshold.
    public func protect(categories: [String], category: [Int], partitions: [Partition], groups: [[Int]],
                        recordKeys: [UInt32]) -> Family {
        let width = categories.count + 1
        let tables = partitions.indices.map { p in
            let height = partitions[p].groups.count + 1
            var counts = Array(repeating: Array(repeating: 0, count: categories.count), count: height - 1)
            var keys = Array(repeating: Array(repeating: emptyCellKey, count: width), count: height)
            for (council, column) in category.enumerated() {
                let row = groups[p][council], key = recordKeys[council]
                counts[row][column] += 1
                for cell in [(row, column), (height - 1, column), (row, width - 1), (height - 1, width - 1)] {
                    keys[cell.0][cell.1] &+= key
                }
            }
            var table = ProtectedTable(groups: partitions[p].groups.map(\.label), categories: categories, counts: counts)
            if category.count >= threshold { table.publish(rounding: rounding, keys: keys) }
            return table
        }
        return Family(categories: categories, tables: tables)
    }

    /// A count of `councils` (by record key) as notes and captions may give it: perturbed like every count.
    public func roundedCount(ofCouncils recordKeys: [UInt32]) -> Int {
        rounding.publish(recordKeys.count, cellKey: emptyCellKey &+ CellKeyRounding.cellKey(recordKeys))
    }

    /// The band of the median of `values` (the mean of the middle two for an even count), or nil when
    /// fewer than `medianMinimum` councils give one.
    public func medianBand(_ values: [Double]) -> ProgressBand? {
        guard values.count >= medianMinimum else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return ProgressBand(containing: sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle])
    }
}
