@testable import StrategyModel

/// An attacker's view of a published table, worked out independently of the suppression code: every
/// table of non-negative whole counts that agrees with each published count and total, found by brute
/// force. A withheld cell is safe when it takes at least two values across them.
struct TableCompletions {
    /// By cell, the values it takes across every completion.
    var values: [ProtectedTable.Cell: Set<Int>] = [:]
    var completions = 0
    /// The search gave up: the table is too large to attack by brute force (a test must fail, not hang).
    var exhausted = false
    static let budget = 3_000_000

    init(_ table: ProtectedTable) {
        let rows = table.totalRow, columns = table.totalColumn
        let grand = table.published(.init(rows, columns)) ?? table.value(.init(rows, columns))
        var grid = Array(repeating: Array(repeating: 0, count: columns), count: rows)
        let unknown = (0..<rows).flatMap { r in (0..<columns).map { ProtectedTable.Cell(r, $0) } }.filter(table.isWithheld)
        for cell in (0..<rows).flatMap({ r in (0..<columns).map { ProtectedTable.Cell(r, $0) } }) where !table.isWithheld(cell) {
            grid[cell.row][cell.column] = table.value(cell)
        }
        var found: [ProtectedTable.Cell: Set<Int>] = [:]
        var count = 0
        var steps = 0
        var gaveUp = false
        func rowFits(_ r: Int, complete: Bool) -> Bool {
            let sum = grid[r].reduce(0, +)
            guard let total = table.published(.init(r, columns)) else { return sum <= grand }
            return complete ? sum == total : sum <= total
        }
        func check() {
            var totals: [Int] = []
            for c in 0..<columns {
                let sum = (0..<rows).reduce(0) { $0 + grid[$1][c] }
                if let published = table.published(.init(rows, c)), published != sum { return }
                totals.append(sum)
            }
            guard totals.reduce(0, +) == grand else { return }
            for r in 0..<rows where !rowFits(r, complete: true) { return }
            count += 1
            for cell in unknown { found[cell, default: []].insert(grid[cell.row][cell.column]) }
            for c in 0..<columns where table.isWithheld(.init(rows, c)) { found[.init(rows, c), default: []].insert(totals[c]) }
            for r in 0..<rows where table.isWithheld(.init(r, columns)) { found[.init(r, columns), default: []].insert(grid[r].reduce(0, +)) }
        }
        func fill(_ index: Int) {
            steps += 1
            if steps > Self.budget { gaveUp = true }
            guard !gaveUp else { return }
            guard index < unknown.count else { return check() }
            let cell = unknown[index]
            for value in 0...grand {
                grid[cell.row][cell.column] = value
                guard rowFits(cell.row, complete: false) else { break }
                fill(index + 1)
            }
            grid[cell.row][cell.column] = 0
        }
        fill(0)
        values = found
        completions = count
        exhausted = gaveUp
    }

    /// Withheld cells a reader could work out exactly (every withheld cell, when the search gave up).
    var derivable: [ProtectedTable.Cell] {
        exhausted ? Array(values.keys) : values.filter { $0.value.count < 2 }.map(\.key)
    }
}
