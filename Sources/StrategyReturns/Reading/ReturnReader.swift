import Foundation
import StrategyModel

/// Reads a completed assessment workbook back into a `CompletedReturn`, checking every answer against the
/// strategy it was made from. Every problem is a diagnostic at its cell (`return.xlsx:Assessment!E14`),
/// all of them in one pass; the file is never trusted for more than it proves.
///
/// Rows are matched by the hidden indicator id, never by position or title, and columns by their
/// header, so a council that sorts, filters or inserts rows still reads back the same.
public struct ReturnReader {
    let strategy: Strategy

    public init(strategy: Strategy) {
        self.strategy = strategy
    }

    static let assessmentSheet = "Assessment"

    /// Nil when the file is not a strategyc workbook that can be read (reported at the file).
    public func read(_ url: URL, path: String? = nil, reportingTo collector: DiagnosticCollector) -> CompletedReturn? {
        let path = path ?? url.path
        func refuse(_ why: String) -> CompletedReturn? {
            collector.report(Diagnostic(.returnUnreadable, "'\(path)' cannot be read as an assessment workbook: \(why)",
                                        at: SourceRange(at: .wholeFile(path))))
            return nil
        }
        let package: XLSXPackage
        do {
            package = try XLSXPackage(url: url)
        } catch {
            return refuse(error.description)
        }
        let strings = package.sharedStrings()
        func text(_ cell: XLSXPackage.RawCell?) -> String { XLSXPackage.text(cell, sharedStrings: strings) }
        guard let metadata = package.cells(ofSheet: "Metadata") else { return refuse("it has no Metadata sheet, so it was not made by strategyc") }
        var stampValues: [String: String] = [:]
        for (reference, cell) in metadata where reference.column == "A" {
            stampValues[text(cell)] = text(metadata[.init(column: "B", row: reference.row)])
        }
        guard let layout = stampValues["Workbook layout"], layout.hasPrefix("strategyc-assessment-") else {
            return refuse("its Metadata sheet has no strategyc layout")
        }
        guard let cells = package.cells(ofSheet: Self.assessmentSheet) else { return refuse("it has no readable Assessment sheet") }
        let stamp = CompletedReturn.Stamp(edition: stampValues["Edition"] ?? "", contentHash: stampValues["Content hash"] ?? "",
                                          layout: layout)

        // Columns by header.
        var columns: [String: String] = [:]
        for (reference, cell) in cells where reference.row == 1 { columns[text(cell)] = reference.column }
        let required = ["Current level", "Target level", "Indicator id"]
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty, let idColumn = columns["Indicator id"] else {
            return refuse("its Assessment sheet has no \(missing.map { "'\($0)'" }.joined(separator: " or ")) column")
        }
        func cellLocation(_ column: String, _ row: Int) -> SourceRange {
            SourceRange(at: .cell(path: path, sheet: Self.assessmentSheet, row: row, column: columnNumber(column)))
        }

        let indicators = Set(strategy.allIndicators.map(\.id))
        let levelIDs = Dictionary(strategy.levels.map { (Suggestion.normalize($0.name), $0.id) }, uniquingKeysWith: { first, _ in first })
        let levelNames = strategy.levels.map(\.name)
        var answers: [String: CompletedReturn.Answer] = [:]
        let rows = Set(cells.keys.map(\.row)).filter { $0 > 1 }.sorted()
        for row in rows {
            let id = text(cells[.init(column: idColumn, row: row)])
            guard !id.isEmpty else { continue }
            guard indicators.contains(id) else {
                collector.report(Diagnostic(.returnUnknownIndicator,
                                            "row \(row) is for indicator '\(id)', which edition \(strategy.edition) does not have",
                                            at: cellLocation(idColumn, row)))
                continue
            }
            var answer = CompletedReturn.Answer()
            for (header, keyPath) in [("Current level", \CompletedReturn.Answer.current), ("Target level", \.target)] {
                guard let column = columns[header] else { continue }
                let value = text(cells[.init(column: column, row: row)])
                guard !value.isEmpty else { continue }
                if let level = levelIDs[Suggestion.normalize(value)] {
                    answer[keyPath: keyPath] = level
                } else {
                    let range = cellLocation(column, row)
                    let suggestion = Suggestion.closest(to: value, among: levelNames)
                    collector.report(Diagnostic(
                        .returnUnknownLevel,
                        "\"\(value)\" is not a level; the levels are \(levelNames.joined(separator: ", "))"
                            + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        at: range, fixIts: suggestion.map { [FixIt("write '\($0)'", range: range, replacement: $0)] } ?? []))
                }
            }
            answer.evidence = columns["Evidence"].map { text(cells[.init(column: $0, row: row)]) } ?? ""
            answer.actions = columns["Actions"].map { text(cells[.init(column: $0, row: row)]) } ?? ""
            answer.owner = columns["Owner"].map { text(cells[.init(column: $0, row: row)]) } ?? ""
            answer.reviewDate = columns["Review date"].map { text(cells[.init(column: $0, row: row)]) } ?? ""
            answers[id] = answer
        }

        // The About answers, found by the defined names of their cells.
        var about: [String: String] = [:]
        for (name, target) in package.definedNames() where name.hasPrefix("About") {
            let parts = target.split(separator: "!")
            guard parts.count == 2, let reference = XLSXPackage.CellReference(String(parts[1])),
                  let sheet = package.cells(ofSheet: String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))) else { continue }
            let value = text(sheet[reference])
            if !value.isEmpty { about[name] = value }
        }
        return CompletedReturn(path: path, stamp: stamp, about: about, answers: answers)
    }

    /// A column's number from its letters: A is 1, AA is 27.
    func columnNumber(_ letters: String) -> Int {
        letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }
}
