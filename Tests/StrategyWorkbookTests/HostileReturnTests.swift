import Foundation
import StrategyModel
import StrategyWorkbook
import Testing
import ZIPFoundation
import StrategySupport

/// Files made to hurt a reader are refused whole, with a message that says what is wrong, before any of
/// their answers are used.
@Suite struct HostileReturnTests {
    private let strategy: Strategy

    init() throws {
        strategy = try ReturnFixtures.compile(ReturnFixtures.small)
    }

    private func refusal(_ url: URL) -> String {
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(result == nil)
        return text
    }

    @Test func entityExpansionIsRefusedBeforeParsing() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.edit(url, sheet: ReturnFixtures.assessment) { xml in
            let laughs = "<!DOCTYPE worksheet [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            xml = xml.replacingOccurrences(of: "?>", with: "?>" + laughs, options: [], range: xml.range(of: "?>"))
        }
        #expect(refusal(url).hasPrefix(
            "return.xlsx: error: 'return.xlsx' cannot be read as an assessment return: its part xl/worksheets/sheet3.xml declares a DTD or entities, which a workbook never does [return-unreadable]"))
    }

    @Test func anExternalEntityIsRefused() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.edit(url, part: "xl/sharedStrings.xml") { xml in
            xml = xml.replacingOccurrences(of: "?>", with: "?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                                           options: [], range: xml.range(of: "?>"))
        }
        #expect(refusal(url).contains("its part xl/sharedStrings.xml declares a DTD or entities"))
    }

    /// The workbook's own part and the About sheet are held to the same rule as every other part, and
    /// the refusal says why (not "no Metadata sheet", not silence).
    @Test(arguments: ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet2.xml"])
    func aDTDInAnyPartIsNamed(part: String) throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.edit(url, part: part) { xml in
            xml = xml.replacingOccurrences(of: "?>", with: "?><!DOCTYPE x [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                                           options: [], range: xml.range(of: "?>"))
        }
        #expect(refusal(url).hasPrefix(
            "return.xlsx: error: 'return.xlsx' cannot be read as an assessment return: its part \(part) declares a DTD or entities, which a workbook never does [return-unreadable]"))
    }

    @Test func aHugeSharedStringTableIsRefused() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.edit(url, part: "xl/sharedStrings.xml") { xml in
            // Varied strings, so the part is refused for its count rather than for how well it compresses.
            let flood = (0...100_000).map { "<si><t>\(($0 &* 2_654_435_761) % 1_000_003)</t></si>" }.joined()
            xml = xml.replacingOccurrences(of: "</sst>", with: flood + "</sst>")
        }
        #expect(refusal(url).contains("its part xl/sharedStrings.xml holds more than 100000 shared strings"))
    }

    @Test func aSheetWithTooManyCellsIsRefused() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.edit(url, sheet: ReturnFixtures.assessment) { xml in
            let rows = (1_000..<1_000 + 200_001 / 10 + 1).map { row in
                "<row r=\"\(row)\">" + (1...10).map { "<c r=\"\(columnLetter($0))\(row)\"><v>1</v></c>" }.joined() + "</row>"
            }.joined()
            xml = xml.replacingOccurrences(of: "</sheetData>", with: rows + "</sheetData>")
        }
        #expect(refusal(url).contains("its part xl/worksheets/sheet3.xml holds more than 200000 cells"))
    }

    @Test func aPasswordProtectedWorkbookIsNamedAsSuch() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        // An encrypted workbook is an OLE compound file with an EncryptionInfo stream, not a ZIP file.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        bytes += "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let url = fixtures.folder.appendingPathComponent("locked.xlsx")
        try Data(bytes).write(to: url)
        #expect(refusal(url).hasPrefix(
            "return.xlsx: error: 'return.xlsx' cannot be read as an assessment return: it is password-protected (encrypted); open it, remove the password to open, save it and read it again [return-unreadable]"))
        let old = fixtures.folder.appendingPathComponent("old.xls")
        try Data(Array(bytes.prefix(512))).write(to: old)
        #expect(refusal(old).contains("it is an old Excel 97-2003 (.xls) file"))
    }

    @Test func aWorkbookWithoutOurStampIsRefused() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = fixtures.folder.appendingPathComponent("other.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data("<workbook/>".utf8)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(data.count)) {
            data.subdata(in: Int($0)..<Int($0) + $1)
        }
        #expect(refusal(url).contains("it has no Metadata sheet, so it was not made by strategyc"))
    }
}
