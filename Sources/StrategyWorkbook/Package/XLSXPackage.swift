import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import StrategyModel
import ZIPFoundation
import StrategySupport

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
        /// Far more than any return holds (the 2022 workbook has under 2,000), far fewer than a table made to
        /// exhaust memory.
        public var maximumSharedStrings = 100_000
        /// The cells of one sheet: a return has about 20 columns for each of under 100 rows.
        public var maximumCells = 200_000

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
        /// Byte by byte: every cell of every return goes through here.
        public init?(_ text: String) {
            var letters = "", row = 0, digits = 0
            for byte in text.utf8 where byte != UInt8(ascii: "$") {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                    letters.unicodeScalars.append(Unicode.Scalar(byte))
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard digits < 9 else { return nil }
                    row = row * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                default:
                    return nil
                }
            }
            guard !letters.isEmpty, letters.count <= 3, digits > 0, row > 0 else { return nil }
            self.init(column: letters, row: row)
        }

        public var description: String { "\(column)\(row)" }
    }

    /// A cell as stored: its type (`s` shared string, `str` formula text, `inlineStr`, `n` number, `b`,
    /// `e` error), its raw value, and its formula when it has one (its value is then only the result a
    /// spreadsheet cached, which the file's author could have written anything into).
    public struct RawCell: Equatable, Sendable {
        public var type: String
        public var value = ""
        public var formula: String?

        public init(type: String, value: String = "", formula: String? = nil) {
            self.type = type
            self.value = value
            self.formula = formula
        }
    }

    private let archive: Archive
    private let limits: Limits

    /// Opens the file; refuses it when it is not a ZIP file, or has too many or too large parts.
    public init(url: URL, limits: Limits = Limits()) throws(Refusal) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        } catch {
            throw Self.refusalForNonZIP(url)
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

    /// An encrypted workbook is not a ZIP file but an OLE compound file holding an `EncryptionInfo`
    /// stream; an old `.xls` workbook is an OLE file too. Each gets a message that says what to do.
    static func refusalForNonZIP(_ url: URL) -> Refusal {
        let head = (try? FileHandle(forReadingFrom: url)).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 1 << 20)
        } ?? Data()
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        guard head.starts(with: ole) else { return Refusal(description: "it is not a ZIP file") }
        let encryptionInfo = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        if head.range(of: encryptionInfo) != nil {
            return Refusal(description: "it is password-protected (encrypted); open it, remove the password to open, save it and read it again")
        }
        return Refusal(description: "it is an old Excel 97-2003 (.xls) file; save it as an Excel workbook (.xlsx) and read it again")
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

    /// The worksheet part of the sheet with this name (`xl/workbook.xml` names it, its relationships file
    /// says where it is); nil when there is none. Thrown when `xl/workbook.xml` or its relationships cannot
    /// be read safely (a DTD, broken XML), so that a hostile workbook is refused for what it is rather than
    /// for a sheet it seems to lack. Every accessor throws: a caller that may treat a refusal as "nothing
    /// there" says so with `try?` where it calls.
    public func sheetPath(named name: String) throws(Refusal) -> String? {
        let workbookPath = "xl/workbook.xml", relationshipsPath = "xl/_rels/workbook.xml.rels"
        guard let workbook = part(workbookPath), let relationships = part(relationshipsPath) else { return nil }
        let sheets = try parseXML(workbook, part: workbookPath, into: AttributeCollector(element: "sheet"))
        guard let relationshipID = sheets.found.first(where: { $0["name"] == name })?["r:id"] else { return nil }
        let links = try parseXML(relationships, part: relationshipsPath, into: AttributeCollector(element: "Relationship"))
        guard let target = links.found.first(where: { $0["Id"] == relationshipID })?["Target"] else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// The shared strings table, in order (a cell of type `s` holds an index into it; empty when the
    /// workbook has none), or why it cannot be read: broken XML, a DTD, or more strings than
    /// `Limits.maximumSharedStrings`.
    public func sharedStrings() throws(Refusal) -> [String] {
        let path = "xl/sharedStrings.xml"
        guard let data = part(path) else { return [] }
        return try parseXML(data, part: path, into: SharedStringCollector(limit: limits.maximumSharedStrings)).strings
    }

    /// Every cell of the sheet with this name; nil when there is no such sheet; thrown when its part is
    /// missing, too large, broken, has a DTD or more cells than `Limits.maximumCells`.
    public func cells(ofSheet name: String) throws(Refusal) -> [CellReference: RawCell]? {
        guard let path = try sheetPath(named: name) else { return nil }
        guard let data = part(path) else { throw Refusal(description: "its \(name) sheet is missing or too large") }
        return try parseXML(data, part: path, into: CellCollector(limit: limits.maximumCells)).found
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
