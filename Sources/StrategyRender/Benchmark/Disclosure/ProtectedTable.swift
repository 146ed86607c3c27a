import StrategyModel

/// Councils counted by group (rows) and category (columns), with the totals a reader can add up, and what
/// the benchmark publishes of each: every count rounded by its cell key, the group sizes exact.
///
/// Cells are addressed in the table *with its totals*: rows `0..<groups.count` are the groups and row
/// `groups.count` the category totals (the national figures); columns `0..<categories.count` are the
/// categories and column `categories.count` the group totals (the group's size).
public struct ProtectedTable: Sendable, Equatable {
    public struct Cell: Hashable, Sendable {
        public var row: Int
        public var column: Int

        public init(_ row: Int, _ column: Int) {
            self.row = row
            self.column = column
        }
    }

    public var groups: [String]
    public var categories: [String]
    /// `counts[group][category]`: the true counts, never published as they are.
    public var counts: [[Int]]
    /// What a reader sees, same shape as the table with its totals; nil only when the round has too few
    /// councils for anything to be published.
    public internal(set) var publishedValues: [[Int?]]

    public init(groups: [String], categories: [String], counts: [[Int]]) {
        self.groups = groups
        self.categories = categories
        self.counts = counts
        publishedValues = Array(repeating: Array(repeating: nil, count: categories.count + 1), count: groups.count + 1)
    }

    public var totalRow: Int { groups.count }
    public var totalColumn: Int { categories.count }

    /// A cell's true count, totals included.
    public func value(_ cell: Cell) -> Int {
        switch (cell.row == totalRow, cell.column == totalColumn) {
        case (false, false): counts[cell.row][cell.column]
        case (false, true): counts[cell.row].reduce(0, +)
        case (true, false): counts.reduce(0) { $0 + $1[cell.column] }
        case (true, true): counts.reduce(0) { $0 + $1.reduce(0, +) }
        }
    }

    /// What a reader sees: the rounded count (a size as it is), or nil when nothing can be published.
    public func published(_ cell: Cell) -> Int? { publishedValues[cell.row][cell.column] }

    public func isWithheld(_ cell: Cell) -> Bool { published(cell) == nil }

    public var allCells: [Cell] {
        (0...totalRow).flatMap { row in (0...totalColumn).map { Cell(row, $0) } }
    }

    /// Publishes every count perturbed by `rounding` (rounded and shifted), each with the key of the councils in its cell
    /// (`keys`, same shape as the table with its totals) and capped by its group's size, and the group
    /// sizes exact: a reader who knows which councils took part knows them anyway.
    mutating func publish(rounding: CellKeyRounding, keys: [[UInt32]]) {
        for cell in allCells {
            let size = value(Cell(cell.row, totalColumn))
            publishedValues[cell.row][cell.column] = cell.column == totalColumn
                ? size : rounding.publish(value(cell), cellKey: keys[cell.row][cell.column], inGroupOf: size)
        }
    }
}
