/// Keeps every published figure from identifying a council: the rules of docs/benchmark.md.
///
/// Counts are published in *families*: one measure (the level reached in a key area, say) counted over
/// the same councils by every grouping (nationally, by region, by type, by basis). The tables of a family
/// share their national totals, so they are protected together:
/// 1. primary suppression withholds every count from 1 to threshold - 1;
/// 2. secondary suppression withholds more until no row or column of any table has exactly one withheld
///    cell, and a national total withheld in one table is withheld in all;
/// 3. an audit then proves each withheld cell cannot be worked out: it finds a *witness*, another set of
///    councils that agrees with every published count of the family but differs in that cell (one
///    council at another level, or two councils of different groups swapping levels). A family with a
///    cell no witness covers is withheld whole, but for the group sizes.
/// Figures that are not counts (medians) are published only when they rest on at least the threshold.
public struct DisclosureControl: Sendable {
    public static let defaultThreshold = 5
    /// Below this no figure is safe enough to publish, whatever is asked.
    public static let lowestThreshold = 3

    public var threshold: Int

    public init(threshold: Int = defaultThreshold) {
        self.threshold = max(threshold, Self.lowestThreshold)
    }

    /// One measure counted over the same councils by every grouping.
    public struct Family: Sendable {
        public var categories: [String]
        /// In the order of the partitions given.
        public var tables: [ProtectedTable]
        /// The audit found a cell it could not prove safe, so everything but the group sizes is withheld.
        public var withheldWhole: Bool
    }

    /// `category[x]` is council x's category; `groups[p][x]` its group in partition p.
    public func protect(categories: [String], category: [Int], partitions: [Partition], groups: [[Int]]) -> Family {
        var tables = partitions.indices.map { p in
            var counts = Array(repeating: Array(repeating: 0, count: categories.count), count: partitions[p].groups.count)
            for (council, column) in category.enumerated() { counts[groups[p][council]][column] += 1 }
            return ProtectedTable(groups: partitions[p].groups.map(\.label), categories: categories, counts: counts)
        }
        for index in tables.indices { tables[index].withholdSmallCounts(threshold: threshold) }
        var changed = true
        while changed {
            changed = false
            for index in tables.indices where tables[index].withholdComplements() { changed = true }
            // The national figures are one row, however many tables show it.
            var totals = Array(repeating: false, count: categories.count + 1)
            for (index, table) in tables.enumerated() {
                for column in 0...categories.count {
                    totals[column] = totals[column] || table.withheld[table.totalRow][column]
                        || (partitions[index].isNational && table.withheld[0][column])
                }
            }
            for index in tables.indices {
                let before = tables[index].withheld
                tables[index].withholdTotals(like: totals)
                if partitions[index].isNational {
                    for column in 0...categories.count where totals[column] { tables[index].withheld[0][column] = true }
                }
                if tables[index].withheld != before { changed = true }
            }
        }
        var family = Family(categories: categories, tables: tables, withheldWhole: false)
        if !unwitnessed(family, category: category, groups: groups).isEmpty {
            for index in family.tables.indices { family.tables[index].withholdAllButSizes() }
            family.withheldWhole = true
        }
        return family
    }

    /// The withheld cells (by table) for which no witness was found.
    public func unwitnessed(_ family: Family, category: [Int], groups: [[Int]]) -> [(table: Int, cell: ProtectedTable.Cell)] {
        let tables = family.tables
        var witnessed: [Set<ProtectedTable.Cell>] = Array(repeating: [], count: tables.count)
        let categoryCount = family.categories.count
        // One council at another level: its group's two cells in every table, and the two national totals.
        for (council, from) in category.enumerated() {
            for to in 0..<categoryCount where to != from {
                var touched: [[ProtectedTable.Cell]] = []
                for (index, table) in tables.enumerated() {
                    let row = groups[index][council]
                    touched.append([.init(row, from), .init(row, to), .init(table.totalRow, from), .init(table.totalRow, to)])
                }
                if touched.enumerated().allSatisfy({ index, cells in cells.allSatisfy(tables[index].isWithheld) }) {
                    for (index, cells) in touched.enumerated() { witnessed[index].formUnion(cells) }
                }
            }
        }
        func open() -> [(table: Int, cell: ProtectedTable.Cell)] {
            tables.indices.flatMap { index in
                tables[index].withheldCells.filter { !witnessed[index].contains($0) }.map { (index, $0) }
            }
        }
        // Two councils of different groups swapping levels: the national totals stay as they are.
        for (index, cell) in open() where cell.row != tables[index].totalRow && cell.column != tables[index].totalColumn {
            guard !witnessed[index].contains(cell) else { continue }
            search: for x in category.indices where groups[index][x] == cell.row && category[x] == cell.column {
                for y in category.indices where category[y] != cell.column && groups[index][y] != cell.row {
                    let a = cell.column, b = category[y]
                    var touched: [[ProtectedTable.Cell]] = []
                    for table in tables.indices {
                        let gx = groups[table][x], gy = groups[table][y]
                        touched.append(gx == gy ? [] : [.init(gx, a), .init(gx, b), .init(gy, a), .init(gy, b)])
                    }
                    if touched.enumerated().allSatisfy({ table, cells in cells.allSatisfy(tables[table].isWithheld) }) {
                        for (table, cells) in touched.enumerated() { witnessed[table].formUnion(cells) }
                        break search
                    }
                }
            }
        }
        return open()
    }

    /// The median of `values` (the mean of the middle two for an even count), or nil when fewer councils
    /// than the threshold give one.
    public func median(_ values: [Double]) -> Double? {
        guard values.count >= threshold else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The lower median of levels (always a level some council reached), or nil below the threshold.
    public func medianLevel(_ values: [Int]) -> Int? {
        values.count >= threshold ? AssessmentResult.lowerMedian(values) : nil
    }
}
