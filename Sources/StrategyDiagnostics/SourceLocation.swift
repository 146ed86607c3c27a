import StrategySupport
/// A point in a source file, as an editor shows it.
///
/// Lines and columns start at 1. Columns count UTF-8 bytes, as cmark and most compilers do; positions that
/// come from YAML (which counts Unicode scalars) are converted before they get here, so every diagnostic
/// uses one convention.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as the user named it (relative to the working directory when possible).
    public var path: String
    public var line: Int
    public var column: Int
    /// For a cell of a spreadsheet (a council's return), the sheet's name; `line` is then the row and
    /// `column` the column's number (A is 1), and the location reads `return.xlsx:Assessment!E14`.
    public var sheet: String?

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A cell of a spreadsheet: `row` and `column` both start at 1. A CSV file has no sheets: give `""`,
    /// and the location reads `return.csv:E14`, as a spreadsheet opening the file shows it.
    public static func cell(path: String, sheet: String, row: Int, column: Int) -> SourceLocation {
        var location = SourceLocation(path: path, line: row, column: column)
        location.sheet = sheet
        return location
    }

    /// The cell's reference, `Assessment!E14`, for a cell location.
    public var cellReference: String? {
        guard let sheet else { return nil }
        let cell = "\(columnLetter(column - 1))\(line)"
        return sheet.isEmpty ? cell : "\(sheet)!\(cell)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.path, rhs.sheet ?? "", rhs.line, rhs.column)
    }

    /// A whole file or folder rather than a point in it (line and column 0): an output path, a missing
    /// templates folder. Shown as the path alone, never with a made-up `:1:1`.
    public static func wholeFile(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 0, column: 0)
    }

    /// Whether this names a whole file rather than a point in it.
    public var isWholeFile: Bool { line == 0 }

    /// `path:line:col`, the form editors and terminals turn into links; the path alone for a whole file;
    /// `path:Sheet!E14` for a cell.
    public var description: String {
        if let cellReference { return "\(path):\(cellReference)" }
        return isWholeFile ? path : "\(path):\(line):\(column)"
    }
}
