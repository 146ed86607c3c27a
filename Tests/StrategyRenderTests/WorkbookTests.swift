import Foundation
import StrategyModel
@testable import StrategyRender
import Testing

/// The workbook layout as data, its CSV twin, and the guards on content that reaches a spreadsheet.
@Suite struct WorkbookTests {
    private func workbook(_ strategy: Strategy) -> AssessmentWorkbook {
        AssessmentWorkbook(published: PublishedStrategy(strategy), stamp: RenderSupport.stamp(strategy))
    }

    @Test func csvMatchesGolden() throws {
        let csv = workbook(try RenderSupport.model()).csv()
        #expect(try RenderSupport.matchesSnapshot(csv, named: "assessment.csv"),
                "assessment.csv differs from Snapshots/assessment.csv (re-record with STRATEGYC_RECORD=1):\n\(csv)")
    }

    @Test func oneRowPerPublishedIndicatorWithDropdowns() throws {
        let book = workbook(try RenderSupport.model())
        var diagnostics: [Diagnostic] = []
        let document = book.document(diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(document.sheets.map(\.name) == ["How to use", "Assessment", "Summary", "Lists", "Metadata"])
        #expect(document.sheets.map(\.hidden) == [false, false, false, true, true])
        let assessment = document.sheets[1]
        #expect(book.rows.map(\.indicator.id) == ["councillors-briefings", "councillors-training", "data-maturity"])
        let dropdowns = assessment.validations.filter { $0.rule == .list(definedName: "Levels") }
        #expect(dropdowns.map(\.column) == [AssessmentWorkbook.currentColumn, AssessmentWorkbook.targetColumn])
        #expect(dropdowns.allSatisfy { $0.firstRow == 1 && $0.lastRow == 3 })
        #expect(document.definedNames == [.init(name: "Levels", value: "=Lists!$A$2:$A$4")])
        let ids = assessment.cells.filter { $0.column == book.indicatorIDColumn && $0.row > 0 }.map(\.value)
        #expect(ids == [.text("councillors-briefings"), .text("councillors-training"), .text("data-maturity")])
        #expect(assessment.columns[book.indicatorIDColumn].hidden && assessment.columns[book.keyAreaIDColumn].hidden)
        #expect(document.properties.created == SimpleDate(year: 2024, month: 5, day: 1))
    }

    @Test func summaryFormulasCoverEachKeyAreasRows() throws {
        let book = workbook(try RenderSupport.model())
        #expect(book.summaryAreas.map { [$0.first, $0.last] } == [[2, 3], [4, 4]])
    }

    /// Content that starts like a formula is written as a string cell, and gets an apostrophe in the CSV.
    @Test(arguments: ["=SUM(A1:A9)", "+44 20 7664 3000", "-1", "@cmd"])
    func formulaLikeContentStaysText(_ text: String) throws {
        var strategy = try RenderSupport.model()
        strategy.themes[0].keyAreas[0].indicators[0].descriptors[0].text = RichText(markdown: text, html: "", plainText: text)
        let book = workbook(strategy)
        var diagnostics: [Diagnostic] = []
        let cells = book.document(diagnostics: &diagnostics).sheets[1].cells
        #expect(cells.contains { $0.value == .text(text) })
        #expect(!cells.contains { $0.value == .formula(text) || $0.value == .formula(String(text.dropFirst())) })
        #expect(book.csv().contains(",'\(text),"))
        #expect(AssessmentWorkbook.csvField(text) == "'" + text)
    }

    @Test func csvQuotesFieldsWithSeparators() {
        #expect(AssessmentWorkbook.csvField("a, \"b\"\nc") == "\"a, \"\"b\"\"\nc\"")
        #expect(AssessmentWorkbook.csvField("plain") == "plain")
    }

    @Test func textTooLongForACellIsAnErrorNotATruncation() throws {
        var strategy = try RenderSupport.model()
        let long = String(repeating: "x", count: AssessmentWorkbook.cellLimit + 1)
        strategy.themes[0].keyAreas[0].indicators[1].descriptors[2].text = RichText(markdown: long, html: "", plainText: long)
        let collector = DiagnosticCollector()
        let files = try WorkbookRenderer(stamp: RenderSupport.stamp(strategy)).render(PublishedStrategy(strategy), reportingTo: collector)
        let diagnostics = collector.diagnostics
        #expect(files.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .workbookCellTooLong)
        #expect(diagnostic.range == strategy.themes[0].keyAreas[0].indicators[1].descriptors[2].range)
    }

    @Test func workbookBytesAreRepeatable() throws {
        let strategy = try RenderSupport.model()
        let collector = DiagnosticCollector()
        let first = try WorkbookRenderer(stamp: RenderSupport.stamp(strategy)).render(PublishedStrategy(strategy), reportingTo: collector)
        let second = try WorkbookRenderer(stamp: RenderSupport.stamp(strategy)).render(PublishedStrategy(strategy), reportingTo: collector)
        #expect(first == second)
        let xlsx = try #require(first.first { $0.path == "assessment.xlsx" })
        #expect(xlsx.contents.prefix(2) == Data("PK".utf8))
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter) == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }
}
