import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StrategyRender
import ZIPFoundation

/// Recognises a blank assessment workbook that strategyc wrote, so that writing a new one may replace it,
/// and tells a filled-in one apart: a council's answers are never overwritten by a blank form.
///
/// The workbook is opened with ZIPFoundation and its XML read with Foundation's XMLParser, with external
/// entities off and caps on what is read, since the file may come from anywhere.
enum BlankWorkbookProof {
    enum Verdict: Equatable {
        case blank
        /// The first answered cell, as `Assessment!D7`.
        case answered(String)
        case notOurs(String)
    }

    /// Enough for the largest workbook strategyc writes, far below what a ZIP bomb would expand to.
    static let maximumEntrySize: UInt64 = 64 << 20
    static let maximumEntries = 10_000

    static func examine(_ url: URL) -> Verdict {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        } catch {
            return .notOurs("it is not a ZIP file")
        }
        var entries = 0
        for _ in archive {
            entries += 1
            if entries > maximumEntries { return .notOurs("it has too many parts") }
        }
        guard let custom = read("docProps/custom.xml", in: archive),
              String(decoding: custom, as: UTF8.self).contains(AssessmentLayout.versionPrefix) else {
            return .notOurs("it has no strategyc workbook stamp")
        }
        guard let sheetPath = sheetPath(named: AssessmentLayout.assessmentSheetName, in: archive),
              let sheet = read(sheetPath, in: archive) else {
            return .notOurs("it has no \(AssessmentLayout.assessmentSheetName) sheet")
        }
        let strings = read("xl/sharedStrings.xml", in: archive).flatMap(sharedStrings) ?? []
        let cells = CellCollector()
        let parser = XMLParser(data: sheet)
        parser.shouldResolveExternalEntities = false
        parser.delegate = cells
        // On Linux, parse() can return true for a document cut short and only set parserError.
        guard parser.parse(), parser.parserError == nil else { return .notOurs("its \(AssessmentLayout.assessmentSheetName) sheet cannot be read") }
        func text(_ cell: CellCollector.Cell?) -> String {
            guard let cell else { return "" }
            let value = cell.type == "s" ? Int(cell.value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
                                         : cell.value
            return value.trimmingSpacesAndNewlines()
        }
        // A variant's workbook starts with its default targets filled in; a Target cell that still holds its
        // row's default (kept in a hidden column named in the header row) is not an answer.
        let defaultColumn = cells.found.first { $0.key.row == 1 && text($0.value) == AssessmentLayout.defaultTargetHeader }?.key.column
        let answered = cells.found
            .filter { $0.key.row > 1 && AssessmentLayout.answerColumnLetters.contains($0.key.column) && !text($0.value).isEmpty }
            .filter { key, cell in
                guard key.column == AssessmentLayout.targetColumnLetter, let defaultColumn else { return true }
                return text(cell) != text(cells.found[.init(column: defaultColumn, row: key.row)])
            }
            .keys.min { ($0.row, $0.column.count, $0.column) < ($1.row, $1.column.count, $1.column) }
        if let answered { return .answered("\(AssessmentLayout.assessmentSheetName)!\(answered.column)\(answered.row)") }
        // Saying who answered is an answer too (layout 3 and later have the About sheet).
        if let aboutPath = Self.sheetPath(named: AssessmentLayout.aboutSheetName, in: archive) {
            guard let about = read(aboutPath, in: archive) else { return .notOurs("its About sheet cannot be read") }
            let aboutCells = CellCollector()
            let aboutParser = XMLParser(data: about)
            aboutParser.shouldResolveExternalEntities = false
            aboutParser.delegate = aboutCells
            guard aboutParser.parse(), aboutParser.parserError == nil else { return .notOurs("its About sheet cannot be read") }
            let firstAnswerRow = AssessmentLayout.aboutHeaderRow + 2  // 1-based, below the header
            let answeredAbout = aboutCells.found
                .filter { $0.key.column == AssessmentLayout.aboutAnswerColumnLetter && $0.key.row >= firstAnswerRow
                    && !text($0.value).isEmpty }
                .keys.min { $0.row < $1.row }
            if let answeredAbout { return .answered("\(AssessmentLayout.aboutSheetName)!\(answeredAbout.column)\(answeredAbout.row)") }
        }
        return .blank
    }

    /// The shared strings table, in order (a cell of type `s` holds an index into it).
    private static func sharedStrings(_ data: Data) -> [String]? {
        let collector = SharedStringCollector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        return parser.parse() ? collector.strings : nil
    }

    private static func read(_ path: String, in archive: Archive) -> Data? {
        guard let entry = archive[path], entry.uncompressedSize <= maximumEntrySize else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumEntrySize { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            return nil
        }
        return data
    }

    /// The worksheet part of the sheet with this name: `xl/workbook.xml` names it, its relationships file
    /// says where it is.
    private static func sheetPath(named name: String, in archive: Archive) -> String? {
        guard let workbook = read("xl/workbook.xml", in: archive),
              let relationships = read("xl/_rels/workbook.xml.rels", in: archive) else { return nil }
        let sheets = AttributeCollector(element: "sheet")
        let workbookParser = XMLParser(data: workbook)
        workbookParser.shouldResolveExternalEntities = false
        workbookParser.delegate = sheets
        guard workbookParser.parse(),
              let relationshipID = sheets.found.first(where: { $0["name"] == name })?["r:id"] else { return nil }
        let links = AttributeCollector(element: "Relationship")
        let relationshipParser = XMLParser(data: relationships)
        relationshipParser.shouldResolveExternalEntities = false
        relationshipParser.delegate = links
        guard relationshipParser.parse(),
              let target = links.found.first(where: { $0["Id"] == relationshipID })?["Target"] else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}

/// Collects the attributes of every element with one name.
private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == element { found.append(attributes) }
    }
}

/// Collects every cell's raw value and type (`s` for a shared string) by column letters and row.
private final class CellCollector: NSObject, XMLParserDelegate {
    struct Reference: Hashable {
        var column: String
        var row: Int
    }

    struct Cell {
        var type: String
        var value = ""
    }

    var found: [Reference: Cell] = [:]
    private var current: Reference?
    private var inValue = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch name {
        case "c":
            current = nil
            guard let reference = attributes["r"] else { return }
            let letters = String(reference.prefix { $0.isLetter })
            guard let row = Int(reference.dropFirst(letters.count)) else { return }
            current = Reference(column: letters, row: row)
            found[Reference(column: letters, row: row)] = Cell(type: attributes["t"] ?? "n")
        case "v", "t":
            inValue = current != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue, let current { found[current]?.value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" { inValue = false }
        if name == "c" { current = nil }
    }
}

/// The texts of `xl/sharedStrings.xml`, one per `si` (rich text runs joined).
private final class SharedStringCollector: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if name == "si" { strings.append("") }
        if name == "t" { inText = !strings.isEmpty }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { strings[strings.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
    }
}
