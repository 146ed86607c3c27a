import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Reads a completed assessment (a workbook strategyc wrote, or its CSV twin) back into a
/// `CompletedReturn`, checking every answer against the strategy it is read for. Every problem is a
/// diagnostic at its cell (`return.xlsx:Assessment!E14`, `return.csv:D7`), all of them in one pass; the
/// file is never trusted for more than it proves, and a file that cannot be read safely is refused whole.
public struct ReturnReader: Sendable {
    /// What the returns are expected to have been made from: the stamp of the workbook strategyc writes
    /// for this strategy (or variant) today.
    public struct Expectation: Sendable {
        public var edition: String
        public var contentHash: String
        /// The variant's id; nil for the national strategy.
        public var variant: String?
        /// Variant folders that exist, by id (`riverside` → `Variants/riverside`): a return of another variant is
        /// told which folder to read it with, not only that it needs one.
        public var knownVariantFolders: [String: String]

        public init(edition: String, contentHash: String, variant: String? = nil,
                    knownVariantFolders: [String: String] = [:]) {
            self.edition = edition
            self.contentHash = contentHash
            self.variant = variant
            self.knownVariantFolders = knownVariantFolders
        }
    }

    let strategy: Strategy
    let expectation: Expectation?

    /// `strategy` is the whole model, retired elements included (they are how older returns migrate).
    /// Without an expectation the stamp is read but not compared.
    public init(strategy: Strategy, expecting expectation: Expectation? = nil) {
        self.strategy = strategy
        self.expectation = expectation
    }

    static let assessmentSheet = AssessmentLayout.assessmentSheetName
    static let metadataSheet = AssessmentLayout.metadataSheetName

    /// Reads a `.csv` file as the CSV twin, anything else as a workbook. Nil when the file cannot be read
    /// as a return at all (reported at the file).
    public func read(_ url: URL, path: String? = nil, reportingTo collector: DiagnosticCollector) -> CompletedReturn? {
        let path = path ?? url.path
        if url.pathExtension.lowercased() == "csv" {
            return CSVReturnReader(reader: self).read(url, path: path, reportingTo: collector)
        }
        return readWorkbook(url, path: path, reportingTo: collector)
    }

    func refuse(_ path: String, _ why: String, _ collector: DiagnosticCollector) -> CompletedReturn? {
        collector.report(Diagnostic(.returnUnreadable, "'\(path)' cannot be read as an assessment return: \(why)",
                                    at: SourceRange(at: .wholeFile(path))))
        return nil
    }

    private func readWorkbook(_ url: URL, path: String, reportingTo collector: DiagnosticCollector) -> CompletedReturn? {
        let package: XLSXPackage, strings: [String], metadata: [XLSXPackage.CellReference: XLSXPackage.RawCell]?,
            cells: [XLSXPackage.CellReference: XLSXPackage.RawCell]?
        do {
            package = try XLSXPackage(url: url)
            strings = try package.sharedStrings()
            metadata = try package.cells(ofSheet: Self.metadataSheet)
            cells = try package.cells(ofSheet: Self.assessmentSheet)
        } catch {
            return refuse(path, error.description, collector)
        }
        func text(_ cell: XLSXPackage.RawCell?) -> String { XLSXPackage.text(cell, sharedStrings: strings) }
        guard let metadata else { return refuse(path, "it has no Metadata sheet, so it was not made by strategyc", collector) }
        let stampValues = Self.stampValues(metadata, strings)
        guard let stamp = Self.stamp(stampValues) else {
            return refuse(path, "its Metadata sheet has no strategyc layout", collector)
        }
        guard let cells else { return refuse(path, "it has no Assessment sheet", collector) }
        func metadataCell(_ key: String) -> SourceRange {
            stampValues[key].map { SourceRange(at: .cell(path: path, sheet: Self.metadataSheet, row: $0.row, column: 2)) }
                ?? SourceRange(at: .wholeFile(path))
        }

        var table = ReturnTable(columns: [:], rows: [:]) { row, column in
            .cell(path: path, sheet: Self.assessmentSheet, row: row, column: column)
        }
        for (reference, cell) in cells {
            let column = columnNumber(reference.column)
            let value = ReturnTable.Cell(text: text(cell), formula: cell.formula, isNumber: cell.type == "n")
            if reference.row == 1, !value.text.isEmpty, table.columns[value.text].map({ $0 > column }) ?? true {
                table.columns[value.text] = column
            }
            table.rows[reference.row, default: [:]][column] = value
        }
        if let missing = table.missingRequiredColumns {
            return refuse(path, "its Assessment sheet has no \(missing) column", collector)
        }
        // Another variant's rows and weights are not this one's: nothing more is read from it.
        guard checkStamp(stamp, at: metadataCell, path: path, reportingTo: collector) else { return nil }
        let (answers, migration) = AnswerReading(strategy: strategy, collector: collector).read(table, edition: stamp.edition)

        // The About answers, found by the defined names of their cells wherever the rows have moved.
        var about: [String: String] = [:]
        var aboutCells: [String: SourceLocation] = [:]
        // Each sheet read once, however many answers it holds.
        var sheets: [String: [XLSXPackage.CellReference: XLSXPackage.RawCell]?] = [:]
        for (name, target) in package.definedNames() where name.hasPrefix("About") {
            let parts = target.split(separator: "!")
            guard parts.count == 2, let reference = XLSXPackage.CellReference(String(parts[1])) else { continue }
            let sheetName = String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if sheets[sheetName] == nil {
                do {
                    sheets[sheetName] = .some(try package.cells(ofSheet: sheetName))
                } catch {
                    return refuse(path, error.description, collector)
                }
            }
            let location = SourceLocation.cell(path: path, sheet: sheetName, row: reference.row,
                                               column: columnNumber(reference.column))
            aboutCells[name] = location
            guard let sheet = sheets[sheetName] ?? nil, let cell = sheet[reference] else { continue }
            if cell.formula != nil {
                collector.report(AnswerReading.formula(at: SourceRange(at: location), what: "an answer"))
                continue
            }
            var value = text(cell)
            // Dates are stored as day numbers: shown the way the workbook shows them, YYYY-MM-DD.
            if name == CompletedReturn.AboutQuestion.date.rawValue, cell.type == "n", let day = Double(value) {
                value = Self.isoDate(fromSerial: day)
            }
            if !value.isEmpty { about[name] = value }
        }
        var completed = CompletedReturn(path: path, stamp: stamp, about: about, answers: answers, migration: migration)
        completed.aboutCells = aboutCells
        return completed
    }

    /// What a workbook says it was made from, read from its Metadata sheet alone, so that a reader for the
    /// right strategy or variant can be chosen before the answers are read. Nil for a CSV, and for any
    /// file whose stamp cannot be read (reading it in full then says why).
    public static func peekStamp(_ url: URL) -> CompletedReturn.Stamp? {
        guard url.pathExtension.lowercased() != "csv",
              let package = try? XLSXPackage(url: url), let strings = try? package.sharedStrings(),
              let metadata = (try? package.cells(ofSheet: metadataSheet)) ?? nil else { return nil }
        return stamp(stampValues(metadata, strings))
    }

    /// The Metadata sheet's values by their label in column A, with their rows.
    private static func stampValues(_ metadata: [XLSXPackage.CellReference: XLSXPackage.RawCell],
                                    _ strings: [String]) -> [String: (value: String, row: Int)] {
        func text(_ cell: XLSXPackage.RawCell?) -> String { XLSXPackage.text(cell, sharedStrings: strings) }
        var values: [String: (value: String, row: Int)] = [:]
        for (reference, cell) in metadata where reference.column == "A" {
            values[text(cell)] = (text(metadata[.init(column: "B", row: reference.row)]), reference.row)
        }
        return values
    }

    private static func stamp(_ values: [String: (value: String, row: Int)]) -> CompletedReturn.Stamp? {
        guard let layout = values["Workbook layout"]?.value, layout.hasPrefix("strategyc-assessment-") else { return nil }
        return CompletedReturn.Stamp(
            edition: values["Edition"]?.value ?? "", contentHash: values["Content hash"]?.value ?? "",
            layout: layout, variant: values["Variant"].map(\.value).flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Holds the stamp to what was expected: another variant is an error (its rows and weights are not
    /// this one's); another edition or another version of this edition is named, and the answers are
    /// matched by indicator id (an older edition's carried through `replaced_by`). False when the return
    /// must not be read any further.
    private func checkStamp(_ stamp: CompletedReturn.Stamp, at cell: (String) -> SourceRange, path: String,
                            reportingTo collector: DiagnosticCollector) -> Bool {
        guard let expectation else { return true }
        if stamp.variant != expectation.variant {
            let made = stamp.variant.map { "variant '\($0)'" } ?? "the national strategy"
            let asked = expectation.variant.map { "variant '\($0)'" } ?? "the national strategy"
            let advice = stamp.variant.map { id in
                expectation.knownVariantFolders[id].map { "read it with --variant \($0)" }
                    ?? "read it with --variant naming the folder of variant '\(id)'"
            } ?? "read it without --variant"
            collector.report(Diagnostic(.returnVariantMismatch, "the return was made from \(made), not from \(asked): \(advice)",
                                        at: cell(stamp.variant == nil ? "Workbook layout" : "Variant")))
            return false
        }
        if stamp.edition != expectation.edition {
            let older = strategy.editions.firstIndex(of: stamp.edition).map { $0 < strategy.editions.count - 1 }
                ?? (Double(stamp.edition).flatMap { old in Double(expectation.edition).map { old < $0 } } ?? false)
            if older {
                collector.report(Diagnostic(
                    .returnOtherEdition,
                    "the return was made from edition \(stamp.edition); its answers are carried to edition \(expectation.edition) by indicator id and replaced_by",
                    at: cell("Edition")))
            } else {
                collector.report(Diagnostic(
                    .returnOtherEdition,
                    "the return was made from edition \(stamp.edition), which is not an earlier edition of this strategy (edition \(expectation.edition))",
                    at: cell("Edition"), severity: .error))
                return false
            }
        } else if stamp.contentHash != expectation.contentHash {
            collector.report(Diagnostic(
                .returnModelChanged,
                "the return was made from another version of edition \(stamp.edition) (content hash \(stamp.contentHash.prefix(12)), now \(expectation.contentHash.prefix(12))); its answers are matched by indicator id",
                at: cell("Content hash")))
        }
        return true
    }

    /// A spreadsheet day number (1900 date system: day 25,569 is 1970-01-01) as YYYY-MM-DD.
    public static func isoDate(fromSerial serial: Double) -> String {
        let days = Int(serial.rounded(.down)) - 25_569
        // Civil-from-days (Howard Hinnant's algorithm), so no calendar or time zone is consulted.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
