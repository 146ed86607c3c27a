import Foundation
import TestSupport
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing
import ZIPFoundation
import StrategyDiagnostics

/// Reading a completed workbook back: answers by indicator id, levels checked at their cells.
@Suite struct ReturnReaderTests {
    static let packageRoot = TestPaths.packageRoot

    private let strategy: Strategy

    init() throws {
        let small = Self.packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures/small")
        strategy = try #require(try StrategyCompiler().compile(folder: small.path).strategy)
    }

    /// A blank workbook of the small fixture (levels Starting, Established, Leading; rows 2 to 4 are
    /// councillors-briefings, councillors-training and data-maturity; column N holds the indicator ids),
    /// with `cells` filled in as a spreadsheet would: `[sheet number: [cell: text]]` (About is 2,
    /// Assessment 3).
    private func filled(_ cells: [Int: [String: String]]) throws -> (URL, URL) {
        let fixtures = try ReturnFixtures()
        let url = try fixtures.blank(strategy)
        try fixtures.fill(url, cells)
        return (url, fixtures.folder)
    }

    @Test func answersAreReadByIdAndLevelsChecked() throws {
        let (url, folder) = try filled([
            3: ["D2": "Established", "E2": "leading", "F2": "Minutes of the briefings", "D3": "Leadng"],
            2: ["B4": "Riverside District Council", "B6": "North West"],
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let collector = DiagnosticCollector()
        let result = try #require(ReturnReader(strategy: strategy).read(url, path: "return.xlsx", reportingTo: collector))
        #expect(DiagnosticFormat.text.render(collector.diagnostics) == """
            return.xlsx:Assessment!D3: error: "Leadng" is not a level; the levels are Starting, Established, Leading; did you mean 'Leading'? [return-unknown-level]
            return.xlsx:Assessment!D3: note: fix-it: write 'Leading'
            1 error and 0 warnings generated.

            """)
        #expect(result.answers["councillors-briefings"]?.current == "established")
        #expect(result.answers["councillors-briefings"]?.target == "leading")
        #expect(result.answers["councillors-briefings"]?.evidence == "Minutes of the briefings")
        #expect(result.answers["councillors-training"] == CompletedReturn.Answer())
        #expect(result.answers["data-maturity"] == CompletedReturn.Answer())
        #expect(result.about == ["AboutOrganisation": "Riverside District Council", "AboutRegion": "North West"])
        #expect(result.stamp?.layout == "strategyc-assessment-3" && result.stamp?.edition == strategy.edition)
        #expect(result.stamp?.contentHash == PublicationStamp(strategy, generator: "x").hash.hex)
    }

    /// A review date typed into a spreadsheet is stored as a day number; it comes back as the date the
    /// council typed, and a date written as text comes back as written.
    @Test func aReviewDateComesBackAsADateNotADayNumber() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.fill(url, [3: ["I3": "next spring"]])
        try fixtures.edit(url, sheet: 3) { sheet in
            let style = try ReturnFixtures.style(of: "I2", in: sheet)
            sheet = try ReturnFixtures.replacing("I2", in: sheet, with: "<c r=\"I2\" s=\"\(style)\"><v>46113</v></c>")
        }
        let collector = DiagnosticCollector()
        let result = try #require(ReturnReader(strategy: strategy).read(url, path: "return.xlsx", reportingTo: collector))
        #expect(collector.diagnostics.isEmpty)
        #expect(result.answers["councillors-briefings"]?.reviewDate == "2026-04-01")
        #expect(result.answers["councillors-training"]?.reviewDate == "next spring")
    }

    @Test func aRowForAnUnknownIndicatorIsNamedAtItsIdCell() throws {
        let (url, folder) = try filled([3: ["N4": "no-such-indicator", "D4": "Leading"]])
        defer { try? FileManager.default.removeItem(at: folder) }
        let collector = DiagnosticCollector()
        let result = try #require(ReturnReader(strategy: strategy).read(url, path: "return.xlsx", reportingTo: collector))
        #expect(collector.diagnostics.map { "\($0.range.start) \($0.code.rawValue)" }
                == ["return.xlsx:Assessment!N4 return-unknown-indicator"])
        #expect(Set(result.answers.keys) == ["councillors-briefings", "councillors-training"])
    }

    @Test func aFileThatIsNotAWorkbookIsRefusedAtTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-return-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("return.xlsx")
        try Data("not a workbook".utf8).write(to: url)
        let collector = DiagnosticCollector()
        #expect(ReturnReader(strategy: strategy).read(url, path: "return.xlsx", reportingTo: collector) == nil)
        #expect(DiagnosticFormat.text.render(collector.diagnostics).hasPrefix(
            "return.xlsx: error: 'return.xlsx' cannot be read as an assessment return: it is not a ZIP file [return-unreadable]"))
    }
}
