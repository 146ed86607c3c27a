import Foundation
import TestSupport
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing
import ZIPFoundation
import StrategyDiagnostics

/// Workbooks for the return tests: a strategy's blank workbook, filled in by editing its sheets' XML the
/// way a spreadsheet saves them, in a scratch folder that the caller removes.
struct ReturnFixtures {
    static let packageRoot = TestPaths.packageRoot
    static let small = packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures/small")

    /// Sheet numbers in the workbook's parts (`xl/worksheets/sheetN.xml`).
    static let about = 2, assessment = 3, metadata = 6

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-return-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    static func compile(_ folder: URL) throws -> Strategy {
        let collector = DiagnosticCollector()
        let strategy = try #require(try StrategyCompiler().compile(folder: folder.path, reportingTo: collector).strategy)
        #expect(!collector.hasErrors, "\(DiagnosticFormat.text.render(collector.diagnostics))")
        return strategy
    }

    /// The blank workbook of `strategy`, written to `name` in the scratch folder.
    func blank(_ strategy: Strategy, name: String = "return.xlsx") throws -> URL {
        let files = try WorkbookRenderer(stamp: PublicationStamp(strategy, generator: "strategyc test"))
            .render(PublishedStrategy(strategy), reportingTo: DiagnosticCollector())
        let url = folder.appendingPathComponent(name)
        try #require(files.first { $0.path == "assessment.xlsx" }).contents.write(to: url)
        return url
    }

    /// Types text into cells: `[sheet number: [cell: text]]`, stored as inline strings with the cell's
    /// own style kept.
    func fill(_ url: URL, _ cells: [Int: [String: String]]) throws {
        for (number, values) in cells {
            try edit(url, sheet: number) { sheet in
                for (cell, text) in values {
                    let style = try Self.style(of: cell, in: sheet)
                    sheet = try Self.replacing(cell, in: sheet, with: "<c r=\"\(cell)\" s=\"\(style)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>")
                }
            }
        }
    }

    /// Puts a formula into a cell, with `cached` as its stored result (what a spreadsheet would show).
    func formula(_ url: URL, sheet: Int, cell: String, _ formula: String, cached: String) throws {
        try edit(url, sheet: sheet) { xml in
            let style = try Self.style(of: cell, in: xml)
            xml = try Self.replacing(cell, in: xml, with: "<c r=\"\(cell)\" s=\"\(style)\" t=\"str\"><f>\(formula)</f><v>\(cached)</v></c>")
        }
    }

    /// Rewrites one part of the workbook.
    func edit(_ url: URL, part path: String, _ change: (inout String) throws -> Void) throws {
        let archive = try Archive(url: url, accessMode: .update)
        let entry = try #require(archive[path])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        var text = String(decoding: xml, as: UTF8.self)
        try change(&text)
        try archive.remove(entry)
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            data.subdata(in: Int($0)..<Int($0) + $1)
        }
    }

    func edit(_ url: URL, sheet number: Int, _ change: (inout String) throws -> Void) throws {
        try edit(url, part: "xl/worksheets/sheet\(number).xml", change)
    }

    static func cellPattern(_ cell: String) -> String { "<c r=\"\(cell)\" s=\"([0-9]+)\"(/>|[^>]*>.*?</c>)" }

    static func style(of cell: String, in sheet: String) throws -> Substring {
        let range = try #require(sheet.range(of: cellPattern(cell), options: .regularExpression), "no cell \(cell)")
        return sheet[range].split(separator: "\"")[3]
    }

    static func replacing(_ cell: String, in sheet: String, with replacement: String) throws -> String {
        var sheet = sheet
        let range = try #require(sheet.range(of: cellPattern(cell), options: .regularExpression), "no cell \(cell)")
        sheet.replaceSubrange(range, with: replacement)
        return sheet
    }

    /// The text of a cell, through the reader's own package type.
    static func text(_ url: URL, sheet: String, _ cell: String) throws -> String {
        let package = try XLSXPackage(url: url)
        return XLSXPackage.text(try package.cells(ofSheet: sheet)?[try #require(XLSXPackage.CellReference(cell))],
                                sharedStrings: try package.sharedStrings())
    }

    /// Reads `url` against `strategy` expecting its own stamp (or `expectation`), with the diagnostics as text.
    static func read(_ url: URL, against strategy: Strategy, expecting expectation: ReturnReader.Expectation? = nil)
        -> (CompletedReturn?, String) {
        let collector = DiagnosticCollector()
        let expected = expectation ?? .init(edition: strategy.edition,
                                            contentHash: PublicationStamp(strategy, generator: "x").hash.hex)
        let result = ReturnReader(strategy: strategy, expecting: expected).read(url, path: "return.xlsx", reportingTo: collector)
        return (result, DiagnosticFormat.text.render(collector.diagnostics))
    }
}
