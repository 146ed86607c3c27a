import StrategyModel
import StrategyDiagnostics

/// A return's Assessment rows, whatever the file they came from: the columns by header, and each row's
/// cells by column number, with where each cell is for diagnostics. The workbook reader and the CSV
/// reader fill one in; `AnswerReading` reads the answers out of it the same way for both.
struct ReturnTable {
    struct Cell {
        var text: String
        /// The formula, when the cell has one: then `text` is only a cached result.
        var formula: String?
        /// A workbook's number cell (a date typed into a spreadsheet is one); never in a CSV.
        var isNumber = false
    }

    /// Header text → column number (A is 1). The first column with a header wins.
    var columns: [String: Int]
    /// Row number (the header is row 1) → column number → cell. Rows with no cells are absent.
    var rows: [Int: [Int: Cell]]
    /// Where a cell is, for a diagnostic: `return.xlsx:Assessment!E14` or `return.csv:E14`.
    var location: (_ row: Int, _ column: Int) -> SourceLocation
    /// A CSV's "formulas" are fields a spreadsheet would run, not formulas with a stored result: they are
    /// reported in other words.
    var isCSV = false

    /// The columns a return cannot be read without, as the refusal names them (`'Current level' or
    /// 'Indicator id'`); nil when all are there.
    var missingRequiredColumns: String? {
        let missing = [CompletedReturn.Column.current, .target, .indicatorID].filter { columns[$0.rawValue] == nil }
        return missing.isEmpty ? nil : missing.map { "'\($0.rawValue)'" }.joined(separator: " or ")
    }

    func range(_ row: Int, _ column: Int) -> SourceRange {
        SourceRange(at: location(row, column))
    }
}
