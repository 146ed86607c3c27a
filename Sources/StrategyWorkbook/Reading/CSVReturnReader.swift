import Foundation
import StrategyModel
import SwiftCSV
import StrategyDiagnostics
import StrategySupport

/// Reads the CSV twin of the workbook back: the same columns by header, the About answers in the last
/// columns (from the first row that gives each), parsed with SwiftCSV.
///
/// A CSV has no stamp and no cell types, so two things differ from a workbook: nothing says which
/// edition it was made from (it is read against the strategy given), and a field a spreadsheet would run
/// as a formula (starting `=`, `+`, `-` or `@`) is refused where an answer is expected. strategyc's own
/// escape, a leading apostrophe, is taken off first. The delimiter is guessed (comma, semicolon or tab),
/// since a spreadsheet in a decimal-comma locale saves CSV with semicolons.
struct CSVReturnReader {
    let reader: ReturnReader

    /// Far more than any return holds; a larger file is refused before it is parsed.
    static let maximumSize = 16 << 20

    func read(_ url: URL, path: String, reportingTo collector: DiagnosticCollector) -> CompletedReturn? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > Self.maximumSize {
            return reader.refuse(path, "it is larger than \(Self.maximumSize >> 20) MiB", collector)
        }
        guard let data = try? Data(contentsOf: url) else { return reader.refuse(path, "it cannot be opened", collector) }
        guard var text = String(data: data, encoding: .utf8) else { return reader.refuse(path, "it is not UTF-8 text", collector) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, loadColumns: false)
        } catch {
            return reader.refuse(path, "it is not well-formed CSV (\(error))", collector)
        }
        var table = ReturnTable(columns: [:], rows: [:]) { row, column in .cell(path: path, sheet: "", row: row, column: column) }
        table.isCSV = true
        var formulaCells: Set<[Int]> = []
        for (index, header) in csv.header.enumerated() where table.columns[header.trimmingSpacesAndNewlines()] == nil {
            table.columns[header.trimmingSpacesAndNewlines()] = index + 1
        }
        for (offset, fields) in csv.rows.enumerated() {
            let row = offset + 2  // the header is row 1
            var cells: [Int: ReturnTable.Cell] = [:]
            for (index, field) in fields.enumerated() {
                var value = field.trimmingSpacesAndNewlines()
                var formula: String?
                if value.hasPrefix("'") {
                    value.removeFirst()
                } else if Self.runsAsFormula(value) {
                    formula = value
                    formulaCells.insert([row, index + 1])
                }
                cells[index + 1] = ReturnTable.Cell(text: value, formula: formula)
            }
            table.rows[row] = cells
        }
        if let missing = table.missingRequiredColumns {
            return reader.refuse(path, "its header has no \(missing) column", collector)
        }
        let (answers, migration) = AnswerReading(strategy: reader.strategy, collector: collector)
            .read(table, edition: reader.strategy.edition)
        var about: [String: String] = [:]
        var aboutCells: [String: SourceLocation] = [:]
        for question in CompletedReturn.AboutQuestion.allCases {
            guard let column = table.columns[question.label] else { continue }
            // The answer stands in the first row that has one; a blank one belongs under its header.
            aboutCells[question.rawValue] = table.range(2, column).start
            for row in table.rows.keys.sorted() where row > 1 {
                guard let cell = table.rows[row]?[column], !cell.text.isEmpty else { continue }
                if cell.formula != nil {
                    collector.report(Diagnostic(
                        .returnFormula, "this cell holds a formula where an answer is expected: type the value itself",
                        at: table.range(row, column)))
                } else {
                    about[question.rawValue] = cell.text
                }
                aboutCells[question.rawValue] = table.range(row, column).start
                break
            }
        }
        var completed = CompletedReturn(path: path, stamp: nil, about: about, answers: answers, migration: migration)
        completed.aboutCells = aboutCells
        return completed
    }

    /// Whether a spreadsheet opening the file would run the field as a formula: it starts with `=`, `@`,
    /// or with `+` or `-` not followed by a space (so "- board minutes", a list written as text, is text).
    static func runsAsFormula(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars.prefix(2))
        guard let first = scalars.first else { return false }
        switch first {
        case "=", "@": return true
        case "+", "-": return scalars.count > 1 && !CharacterSet.whitespaces.contains(scalars[1])
        default: return false
        }
    }
}
