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
        guard let archive = try? Archive(url: url, accessMode: .read) else { return .notOurs("it is not a ZIP file") }
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
        let finder = AnsweredCellFinder(columns: AssessmentLayout.answerColumnLetters)
        let parser = XMLParser(data: sheet)
        parser.shouldResolveExternalEntities = false
        parser.delegate = finder
        let parsed = parser.parse()  // false too when the finder stops at the first answer
        if let cell = finder.answered { return .answered("\(AssessmentLayout.assessmentSheetName)!\(cell)") }
        return parsed ? .blank : .notOurs("its \(AssessmentLayout.assessmentSheetName) sheet cannot be read")
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

/// Finds the first cell below the header row, in an answer column, that holds a value.
private final class AnsweredCellFinder: NSObject, XMLParserDelegate {
    let columns: Set<String>
    var answered: String?
    private var current: String?
    private var text = ""
    private var inValue = false

    init(columns: Set<String>) { self.columns = columns }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch name {
        case "c":
            current = nil
            guard let reference = attributes["r"] else { return }
            let letters = String(reference.prefix { $0.isLetter })
            let row = Int(reference.dropFirst(letters.count)) ?? 0
            if row > 1 && columns.contains(letters) { current = reference }
        case "v", "t":
            guard current != nil else { return }
            inValue = true
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if (name == "v" || name == "t") && inValue {
            inValue = false
            if let current, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, answered == nil {
                answered = current
                parser.abortParsing()
            }
        }
        if name == "c" { current = nil }
    }
}
