import StrategyModel
import StrategyDiagnostics

/// The text of one source file, with the line table needed to turn offsets into editor positions.
struct SourceFile: Sendable {
    /// The path used in diagnostics.
    let path: String
    /// The path relative to the strategy folder, with `/` separators (e.g. `key-areas/x/y.md`).
    let relativePath: String
    let text: String
    /// Each line's text, without its line terminator. Line 1 is `lines[0]`.
    let lines: [Substring]

    init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The name of the file without folder or extension (`engaging-councillors`).
    var stem: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The text of a line (1-based), or an empty string past the end.
    func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// A range within one line, `column` to `column + length` (byte columns).
    func range(line: Int, column: Int, length: Int = 0) -> SourceRange {
        SourceRange(start: location(line: line, column: column), end: location(line: line, column: column + length))
    }

    /// A whole line, from its first non-blank byte to its end.
    func range(ofLine number: Int) -> SourceRange {
        let text = line(number)
        let indent = text.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return range(line: number, column: indent + 1, length: text.utf8.count - indent)
    }

    /// From the start of the file to the end of its last line.
    var wholeRange: SourceRange {
        SourceRange(
            start: location(line: 1, column: 1),
            end: location(line: max(lines.count, 1), column: (lines.last?.utf8.count ?? 0) + 1)
        )
    }

    /// Converts a column that counts Unicode scalars (as YAML reports it) into a byte column.
    func byteColumn(line number: Int, scalarColumn: Int) -> Int {
        let text = line(number)
        var bytes = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= scalarColumn - 1 { break }
            bytes += String(scalar).utf8.count
        }
        return bytes + 1 + max(0, scalarColumn - 1 - text.unicodeScalars.count)
    }

    /// The 1-based byte column where `needle` last occurs in a line, if it does.
    func column(of needle: String, inLine number: Int) -> Int? {
        let text = line(number)
        guard let found = text.range(of: needle, options: .backwards) else { return nil }
        return text.utf8.distance(from: text.startIndex, to: found.lowerBound) + 1
    }
}
