import Foundation
import TestSupport
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing
import ZIPFoundation
import StrategyDiagnostics

/// Opening workbooks for reading: a strategyc workbook's parts, names and cells; hostile files refused.
@Suite struct XLSXPackageTests {
    static let packageRoot = TestPaths.packageRoot

    private func scratch() throws -> URL {
        try TestPaths.scratch("xlsx")
    }

    /// The blank workbook of the shipped strategy.
    private func workbook(in folder: URL) throws -> URL {
        let strategy = try #require(try StrategyCompiler().compile(folder: Self.packageRoot.appendingPathComponent("Strategy").path).strategy)
        let files = try WorkbookRenderer(stamp: PublicationStamp(strategy, generator: "strategyc test"))
            .render(PublishedStrategy(strategy), reportingTo: DiagnosticCollector())
        let url = folder.appendingPathComponent("assessment.xlsx")
        try #require(files.first { $0.path == "assessment.xlsx" }).contents.write(to: url)
        return url
    }

    @Test func readsNamesSheetsAndCells() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = try XLSXPackage(url: try workbook(in: folder))
        let names = package.definedNames()
        #expect(names["AboutRegion"] == "About!$B$6")
        #expect(names["Regions"] == "Lists!$D$2:$D$10")
        #expect(try package.sheetPath(named: "About") == "xl/worksheets/sheet2.xml")
        let about = try #require(try package.cells(ofSheet: "About"))
        let strings = try package.sharedStrings()
        #expect(XLSXPackage.text(about[.init(column: "A", row: 6)], sharedStrings: strings) == "Region")
        #expect(XLSXPackage.text(about[.init(column: "C", row: 3)], sharedStrings: strings) == "How to answer")
        let lists = try #require(try package.cells(ofSheet: "Lists"))
        #expect((2...10).map { XLSXPackage.text(lists[.init(column: "D", row: $0)], sharedStrings: strings) }.first == "North East")
        #expect(try package.cells(ofSheet: "No such sheet") == nil)
    }

    @Test(arguments: ["B6", "$B$6", "AB12"])
    func cellReferencesParse(_ text: String) throws {
        let reference = try #require(XLSXPackage.CellReference(text))
        #expect(reference.description == text.replacingOccurrences(of: "$", with: ""))
    }

    @Test(arguments: ["", "6B", "B0", "b6", "ABCD1", "B-1"])
    func badCellReferencesAreRefused(_ text: String) {
        #expect(XLSXPackage.CellReference(text) == nil)
    }

    @Test func notAZIPFileIsRefused() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("return.xlsx")
        try Data("Organisation,Region\n".utf8).write(to: url)
        #expect {
            _ = try XLSXPackage(url: url)
        } throws: { error in
            (error as? XLSXPackage.Refusal)?.description == "it is not a ZIP file"
        }
    }

    /// A part that inflates a thousandfold (a ZIP bomb in miniature) is refused from the sizes in the
    /// archive's directory, before it is inflated.
    @Test func aPartThatInflatesTooFarIsRefused() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bomb.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let zeros = Data(count: 4 << 20)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(zeros.count),
                             compressionMethod: .deflate) { position, size in
            zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect {
            _ = try XLSXPackage(url: url)
        } throws: { error in
            (error as? XLSXPackage.Refusal)?.description.hasPrefix("its part xl/worksheets/sheet1.xml would inflate") == true
        }
    }

    /// The caps on the number and size of parts, with small limits so the files stay small.
    @Test func tooManyOrTooLargePartsAreRefused() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try workbook(in: folder)
        var few = XLSXPackage.Limits()
        few.maximumEntries = 3
        #expect {
            _ = try XLSXPackage(url: url, limits: few)
        } throws: { ($0 as? XLSXPackage.Refusal)?.description == "it has too many parts" }
        var small = XLSXPackage.Limits()
        small.maximumEntrySize = 2_000
        #expect {
            _ = try XLSXPackage(url: url, limits: small)
        } throws: { ($0 as? XLSXPackage.Refusal)?.description.hasSuffix("is too large") == true }
        #expect((try? XLSXPackage(url: url)) != nil)
    }
}
