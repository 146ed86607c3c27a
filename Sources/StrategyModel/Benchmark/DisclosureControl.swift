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
///    council at another level, or two councils of different groups swapping levels). For a cell no
///    witness covers, the counts one council's move would change are withheld as well, so that the move
///    becomes its witness, and step 2 runs again; a family that still has such a cell is withheld whole,
///    but for the group sizes.
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
        withholdComplements(&tables, partitions: partitions)
        var family = Family(categories: categories, tables: tables, withheldWhole: false)
        // Each cell the audit cannot cover gets a witness made for it: the cells one council's move would
        // change are withheld too (the move that hides the fewest published counts), then the lines
        // are made whole again. Withholding only grows, so this ends; a family still open after as many
        // rounds as it has cells is withheld whole.
        let limit = tables.reduce(0) { $0 + $1.allCells.count }
        for _ in 0..<limit {
            guard let open = unwitnessed(family, category: category, groups: groups).first else { break }
            guard let move = cheapestMove(covering: open, in: family, category: category, groups: groups) else { break }
            for (index, cells) in move.enumerated() {
                for cell in cells { family.tables[index].withheld[cell.row][cell.column] = true }
            }
            withholdComplements(&family.tables, partitions: partitions)
        }
        if !unwitnessed(family, category: category, groups: groups).isEmpty {
            for index in family.tables.indices { family.tables[index].withholdAllButSizes() }
            family.withheldWhole = true
        }
        return family
    }

    /// Secondary suppression across the family, until nothing changes: each table's lines, and the national
    /// totals made the same in every table (the national table's one row is those totals too).
    private func withholdComplements(_ tables: inout [ProtectedTable], partitions: [Partition]) {
        guard let width = tables.first.map({ $0.totalColumn + 1 }) else { return }
        var changed = true
        while changed {
            changed = false
            for index in tables.indices where tables[index].withholdComplements() { changed = true }
            var totals = Array(repeating: false, count: width)
            for (index, table) in tables.enumerated() {
                for column in 0..<width {
                    totals[column] = totals[column] || table.withheld[table.totalRow][column]
                        || (partitions[index].isNational && table.withheld[0][column])
                }
            }
            for index in tables.indices {
                let before = tables[index].withheld
                tables[index].withholdTotals(like: totals)
                if partitions[index].isNational {
                    for column in 0..<width where totals[column] { tables[index].withheld[0][column] = true }
                }
                if tables[index].withheld != before { changed = true }
            }
        }
    }

    /// The cells, by table, that one council's move to another category changes.
    private func touched(moving council: Int, from: Int, to: Int, in tables: [ProtectedTable], groups: [[Int]]) -> [[ProtectedTable.Cell]] {
        tables.enumerated().map { index, table in
            let row = groups[index][council]
            return [.init(row, from), .init(row, to), .init(table.totalRow, from), .init(table.totalRow, to)]
        }
    }

    /// The move of one council that would witness `open` and hides the fewest published counts.
    private func cheapestMove(covering open: (table: Int, cell: ProtectedTable.Cell), in family: Family, category: [Int],
                              groups: [[Int]]) -> [[ProtectedTable.Cell]]? {
        let table = family.tables[open.table]
        guard open.cell.column != table.totalColumn else { return nil }
        var best: (cost: Int, cells: [[ProtectedTable.Cell]])?
        for council in category.indices where open.cell.row == table.totalRow || groups[open.table][council] == open.cell.row {
            let from = category[council]
            let destinations = from == open.cell.column ? Array(family.categories.indices.filter { $0 != from }) : [open.cell.column]
            for to in destinations {
                let cells = touched(moving: council, from: from, to: to, in: family.tables, groups: groups)
                let cost = cells.enumerated().reduce(0) { sum, entry in
                    sum + Set(entry.element).filter { !family.tables[entry.offset].isWithheld($0) }.count
                }
                if cost < (best?.cost ?? .max) { best = (cost, cells) }
            }
        }
        return best?.cells
    }

    /// The withheld cells (by table) for which no witness was found.
    public func unwitnessed(_ family: Family, category: [Int], groups: [[Int]]) -> [(table: Int, cell: ProtectedTable.Cell)] {
        let tables = family.tables
        var witnessed: [Set<ProtectedTable.Cell>] = Array(repeating: [], count: tables.count)
        let categoryCount = family.categories.count
        // One council at another level: its group's two cells in every table, and the two national totals.
        for (council, from) in category.enumerated() {
            for to in 0..<categoryCount where to != from {
                let touched = touched(moving: council, from: from, to: to, in: tables, groups: groups)
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
