/// Councils counted by group (rows) and category (columns), with the totals a reader can add up, and the
/// cells withheld so that no published figure rests on fewer councils than the threshold.
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
    /// `counts[group][category]`.
    public var counts: [[Int]]
    /// Same shape as the table with its totals.
    public internal(set) var withheld: [[Bool]]

    public init(groups: [String], categories: [String], counts: [[Int]]) {
        self.groups = groups
        self.categories = categories
        self.counts = counts
        withheld = Array(repeating: Array(repeating: false, count: categories.count + 1), count: groups.count + 1)
    }

    public var totalRow: Int { groups.count }
    public var totalColumn: Int { categories.count }

    /// A cell's count, totals included.
    public func value(_ cell: Cell) -> Int {
        switch (cell.row == totalRow, cell.column == totalColumn) {
        case (false, false): counts[cell.row][cell.column]
        case (false, true): counts[cell.row].reduce(0, +)
        case (true, false): counts.reduce(0) { $0 + $1[cell.column] }
        case (true, true): counts.reduce(0) { $0 + $1.reduce(0, +) }
        }
    }

    public func isWithheld(_ cell: Cell) -> Bool { withheld[cell.row][cell.column] }

    /// What a reader sees: the count, or nil when it is withheld.
    public func published(_ cell: Cell) -> Int? { isWithheld(cell) ? nil : value(cell) }

    public var allCells: [Cell] {
        (0...totalRow).flatMap { row in (0...totalColumn).map { Cell(row, $0) } }
    }

    public var withheldCells: [Cell] { allCells.filter(isWithheld) }

    /// Every line a reader can add up: each row and each column, totals included.
    var lines: [[Cell]] {
        (0...totalRow).map { row in (0...totalColumn).map { Cell(row, $0) } }
            + (0...totalColumn).map { column in (0...totalRow).map { Cell($0, column) } }
    }

    /// Primary suppression: withholds every count from 1 to `threshold - 1`. A zero is published (it rests
    /// on no council); when the whole table counts fewer than the threshold, all of it is withheld.
    mutating func withholdSmallCounts(threshold: Int) {
        let everything = value(Cell(totalRow, totalColumn)) < threshold
        for cell in allCells where everything || (1..<threshold).contains(value(cell)) {
            withheld[cell.row][cell.column] = true
        }
    }

    /// Secondary suppression: while some line has exactly one withheld cell (so a reader could work it out
    /// from the line's total), withholds one more in that line: the smallest non-zero count inside the
    /// table, else the smallest of any. True when anything was withheld.
    mutating func withholdComplements() -> Bool {
        var changed = false
        var again = true
        while again {
            again = false
            for line in lines where line.filter(isWithheld).count == 1 {
                let open = line.filter { !isWithheld($0) }
                let inner = open.filter { $0.row != totalRow && $0.column != totalColumn && value($0) > 0 }
                let choice = (inner.isEmpty ? open : inner).min { (value($0), $0.row, $0.column) < (value($1), $1.row, $1.column) }
                guard let choice else { continue }
                withheld[choice.row][choice.column] = true
                changed = true
                again = true
            }
        }
        return changed
    }

    /// Withholds every count but the group sizes and the overall total.
    mutating func withholdAllButSizes() {
        for cell in allCells where cell.column != totalColumn {
            withheld[cell.row][cell.column] = true
        }
    }

    /// The category totals row, withheld where `other` withholds it (tables sharing national figures).
    mutating func withholdTotals(like other: [Bool]) {
        for column in 0...totalColumn where other[column] { withheld[totalRow][column] = true }
    }
}
