import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StrategyModel
import ZIPFoundation

/// A workbook file opened for reading: its parts through ZIPFoundation, their XML through Foundation's
/// XMLParser. Nothing here writes.
///
/// The file may come from anywhere, so opening it is bounded (`Limits`): at most 10,000 parts, none larger
/// than 64 MiB once inflated, and none inflating more than 200 times its stored size
/// (a ZIP bomb is refused before it is read, from the sizes its directory declares, and again while it is
/// read, in case the directory lies). External entities are never resolved.
public struct XLSXPackage {
    /// Why a file cannot be read as a workbook, in words for a message (`it is not a ZIP file`).
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// What a workbook may hold before it is refused.
    public struct Limits: Sendable {
        /// Enough for the largest workbook strategyc writes, far below what a ZIP bomb would expand to.
        public var maximumEntrySize: UInt64 = 64 << 20
        public var maximumEntries = 10_000
        /// XML compresses well, about 10 to 20 times; 200 times is a bomb. Checked for parts over 1 MiB.
        public var maximumRatio: UInt64 = 200

        public init() {}
    }

    /// A cell's place: column letters and 1-based row, as in `B6`.
    public struct CellReference: Hashable, Sendable, CustomStringConvertible {
        public var column: String
        public var row: Int

        public init(column: String, row: Int) {
            self.column = column
            self.row = row
        }

        /// From `B6` or `$B$6`; nil for anything else.
        public init?(_ text: String) {
            let plain = text.replacingOccurrences(of: "$", with: "")
            let letters = String(plain.prefix { $0.isASCII && $0.isUppercase })
            guard !letters.isEmpty, letters.count <= 3, let row = Int(plain.dropFirst(letters.count)), row > 0 else { return nil }
            self.init(column: letters, row: row)
        }

        public var description: String { "\(column)\(row)" }
    }

    /// A cell as stored: its type (`s` shared string, `str` formula text, `inlineStr`, `n` number, `b`,
    /// `e` error) and its raw value.
    public struct RawCell: Equatable, Sendable {
        public var type: String
        public var value = ""
    }

    private let archive: Archive
    private let limits: Limits

    /// Opens the file; refuses it when it is not a ZIP file, or has too many or too large parts.
    public init(url: URL, limits: Limits = Limits()) throws(Refusal) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        } catch {
            throw Refusal(description: "it is not a ZIP file")
        }
        var entries = 0
        for entry in archive {
            entries += 1
            if entries > limits.maximumEntries { throw Refusal(description: "it has too many parts") }
            if entry.uncompressedSize > limits.maximumEntrySize {
                throw Refusal(description: "its part \(entry.path) is too large")
            }
            if entry.uncompressedSize > 1 << 20, entry.uncompressedSize > limits.maximumRatio * max(entry.compressedSize, 1) {
                throw Refusal(description: "its part \(entry.path) would inflate \(entry.uncompressedSize / max(entry.compressedSize, 1)) times")
            }
        }
        self.archive = archive
        self.limits = limits
    }

    /// The inflated bytes of one part, or nil when it is missing, or inflates past the limit (whatever its
    /// directory said).
    public func part(_ path: String) -> Data? {
        guard let entry = archive[path], entry.uncompressedSize <= limits.maximumEntrySize else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limits.maximumEntrySize { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            return nil
        }
        return data
    }

    /// The worksheet part of the sheet with this name: `xl/workbook.xml` names it, its relationships file
    /// says where it is.
    public func sheetPath(named name: String) -> String? {
        guard let workbook = part("xl/workbook.xml"), let relationships = part("xl/_rels/workbook.xml.rels"),
              let sheets = parseXML(workbook, into: AttributeCollector(element: "sheet")),
              let relationshipID = sheets.found.first(where: { $0["name"] == name })?["r:id"],
              let links = parseXML(relationships, into: AttributeCollector(element: "Relationship")),
              let target = links.found.first(where: { $0["Id"] == relationshipID })?["Target"] else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// The shared strings table, in order (a cell of type `s` holds an index into it); empty when the
    /// workbook has none.
    public func sharedStrings() -> [String] {
        part("xl/sharedStrings.xml").flatMap { parseXML($0, into: SharedStringCollector())?.strings } ?? []
    }

    /// Every cell of the sheet with this name, or nil when there is no such sheet or its XML is broken.
    public func cells(ofSheet name: String) -> [CellReference: RawCell]? {
        guard let path = sheetPath(named: name), let data = part(path) else { return nil }
        return parseXML(data, into: CellCollector())?.found
    }

    /// The workbook's defined names and what they refer to (`AboutRegion` → `About!$B$6`).
    public func definedNames() -> [String: String] {
        part("xl/workbook.xml").flatMap { parseXML($0, into: DefinedNameCollector())?.found } ?? [:]
    }

    /// A cell's text: a shared string looked up, any other value as stored, trimmed.
    public static func text(_ cell: RawCell?, sharedStrings: [String]) -> String {
        guard let cell else { return "" }
        let value = cell.type == "s"
            ? Int(cell.value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
            : cell.value
        return value.trimmingSpacesAndNewlines()
    }
}
