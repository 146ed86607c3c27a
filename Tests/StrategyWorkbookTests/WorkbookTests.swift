import Foundation
import StrategyModel
import StrategyRender
@testable import StrategyWorkbook
import Testing
import StrategyDiagnostics
import StrategySupport

/// The workbook layout as data, its CSV twin, and the guards on content that reaches a spreadsheet.
@Suite struct WorkbookTests {
    private func workbook(_ strategy: Strategy) -> AssessmentWorkbook {
        AssessmentWorkbook(published: PublishedStrategy(strategy), stamp: WorkbookSupport.stamp(strategy))
    }

    @Test func csvMatchesGolden() throws {
        let csv = workbook(try WorkbookSupport.model()).csv()
        #expect(try WorkbookSupport.matchesSnapshot(csv, named: "assessment.csv"),
                "assessment.csv differs from Snapshots/assessment.csv (re-record with STRATEGYC_RECORD=1):\n\(csv)")
    }

    @Test func oneRowPerPublishedIndicatorWithDropdowns() throws {
        let book = workbook(try WorkbookSupport.model())
        let collector = DiagnosticCollector()
        let document = book.document(reportingTo: collector)
        #expect(collector.diagnostics.isEmpty)
        #expect(document.sheets.map(\.name) == ["How to use", "About", "Assessment", "Summary", "Lists", "Metadata"])
        #expect(document.sheets.map(\.hidden) == [false, false, false, false, true, true])
        let assessment = document.sheets[2]
        #expect(book.rows.map(\.indicator.id) == ["councillors-briefings", "councillors-training", "data-maturity"])
        let dropdowns = assessment.validations.filter { $0.rule == .list(definedName: "Levels") }
        #expect(dropdowns.map(\.column) == [AssessmentWorkbook.currentColumn, AssessmentWorkbook.targetColumn])
        #expect(dropdowns.allSatisfy { $0.firstRow == 1 && $0.lastRow == 3 })
        #expect(document.definedNames.first == .init(name: "Levels", value: "=Lists!$A$2:$A$4"))
        let ids = assessment.cells.filter { $0.column == book.indicatorIDColumn && $0.row > 0 }.map(\.value)
        #expect(ids == [.text("councillors-briefings"), .text("councillors-training"), .text("data-maturity")])
        #expect(assessment.columns[book.indicatorIDColumn].hidden && assessment.columns[book.keyAreaIDColumn].hidden)
        #expect(document.properties.created == SimpleDate(year: 2024, month: 5, day: 1))
    }

    /// A variant's workbook: its default targets in the Target cells, an Origin column after the level
    /// descriptions, a hidden default-target column, its weights in the Summary, and its base in the stamp.
    /// The national columns stay where they are.
    @Test func variantWorkbookFillsDefaultsWeightsAndOrigins() throws {
        let strategy = try WorkbookSupport.model()
        let variant = WorkbookVariant(
            id: "north", title: "North", baseEdition: "2024", baseHash: "abc", layers: ["Region", "North"],
            defaultTargets: ["councillors": "leading"], weights: ["data": 2.5],
            origins: ["councillors-briefings": "National", "councillors-training": "National, changed by North",
                      "data-maturity": "Local: added by North"],
            localIndicators: ["data-maturity"])
        let book = AssessmentWorkbook(published: PublishedStrategy(strategy), stamp: WorkbookSupport.stamp(strategy),
                                      variant: variant)
        let collector = DiagnosticCollector()
        let document = book.document(reportingTo: collector)
        let assessment = document.sheets[2], summary = document.sheets[3]
        func value(_ sheet: Sheet, _ reference: String) -> Cell.Value? {
            sheet.cells.first { "\(columnLetter($0.column))\($0.row + 1)" == reference }?.value
        }
        // Three levels: descriptors J to L, then Origin in M, ids in N and O, numbers in P and Q, defaults in R.
        #expect(book.originColumn == 12 && book.keyAreaIDColumn == 13 && book.defaultTargetColumn == 17)
        #expect(value(assessment, "M1") == .text("Origin") && value(assessment, "R1") == .text("Default target level"))
        #expect([value(assessment, "E2"), value(assessment, "E3"), value(assessment, "E4")] == [.text("Leading"), .text("Leading"), .blank])
        #expect([value(assessment, "R2"), value(assessment, "R4")] == [.text("Leading"), .blank])
        #expect([value(assessment, "M2"), value(assessment, "M3"), value(assessment, "M4")]
                == [.text("National"), .text("National, changed by North"), .text("Local: added by North")])
        #expect(value(assessment, "N2") == .text("councillors") && value(assessment, "O4") == .text("data-maturity"))
        #expect(assessment.columns[12].hidden == false && assessment.columns[17].hidden)
        #expect(value(assessment, "D2") == .blank, "the current level is never pre-filled")
        #expect([value(summary, "F2"), value(summary, "F3")] == [.number(1), .number(2.5)])
        // Two areas on rows 2 and 3; the weighted levels follow the table on rows 5 (target) and 6 (current).
        #expect(value(summary, "B5") == .text("Weighted target level (1 to 3)"))
        #expect(value(summary, "B6") == .text("Weighted current level (1 to 3)"))
        #expect(value(summary, "C6") == .formula("IF(SUMPRODUCT($F$2:$F$3,--ISNUMBER($H$2:$H$3))=0,\"\",ROUND(SUMPRODUCT($F$2:$F$3,$H$2:$H$3)/SUMPRODUCT($F$2:$F$3,--ISNUMBER($H$2:$H$3)),2))"))
        #expect(value(summary, "C5") == .formula("IF(SUMPRODUCT($F$2:$F$3,--ISNUMBER($G$2:$G$3))=0,\"\",ROUND(SUMPRODUCT($F$2:$F$3,$G$2:$G$3)/SUMPRODUCT($F$2:$F$3,--ISNUMBER($G$2:$G$3)),2))"))
        let stamp = Dictionary(uniqueKeysWithValues: book.metadata)
        #expect(stamp["Variant"] == "north" && stamp["Base edition"] == "2024" && stamp["Base content hash"] == "abc")
        #expect(stamp["Variant layers"] == "Region > North" && stamp["Local indicators"] == "data-maturity")
        #expect(stamp["Variant content hash"] == book.hash.hex && stamp["Workbook layout"] == "strategyc-assessment-3")
        #expect(document.customProperties.contains(.init(name: "Base content hash", value: "abc")))
        let csv = book.csv().split(separator: "\r\n")
        #expect(csv[0].hasSuffix(",Origin,Key area id,Indicator id,Organisation,Organisation type,Region,Your role,"
                                  + "Your department,Date of the assessment,Round,Self-assessed or externally validated"))
        #expect(csv[1].hasSuffix(",National,councillors,councillors-briefings,,,,,,,,"))
        #expect(csv[1].split(separator: ",", omittingEmptySubsequences: false)[4] == "Leading")
    }

    /// The national workbook has neither an Origin column nor defaults, and every weight is 1.
    @Test func nationalWorkbookWeighsEveryAreaOnce() throws {
        let book = workbook(try WorkbookSupport.model())
        let collector = DiagnosticCollector()
        let document = book.document(reportingTo: collector)
        #expect(book.originColumn == nil && book.defaultTargetColumn == nil && book.keyAreaIDColumn == 12)
        let summary = document.sheets[3]
        let weights = summary.cells.filter { $0.column == AssessmentWorkbook.Summary.weight && $0.row > 0 && $0.row < 3 }
        #expect(weights.map(\.value) == [.number(1), .number(1)])
        #expect(!book.metadata.contains { $0.0 == "Variant" })
    }

    @Test func summaryFormulasCoverEachKeyAreasRows() throws {
        let book = workbook(try WorkbookSupport.model())
        #expect(book.summaryAreas.map { [$0.first, $0.last] } == [[2, 3], [4, 4]])
    }

    /// The About sheet asks who is answering: eight questions in a plain table, each answer cell named,
    /// dropdowns from `assessment.md`'s lists (kept on the hidden Lists sheet), a date and a year checked.
    @Test func aboutSheetAsksWhoIsAnswering() throws {
        var strategy = try WorkbookSupport.model()
        strategy.assessmentForm = AssessmentForm(
            organisationTypes: ["District council", "=1+1"], regions: ["North East", "London", "South West"],
            validations: ["Self-assessed"], guidance: RichText(markdown: "", html: "", plainText: "First.\n\nSecond\nline."),
            range: strategy.range)
        let book = workbook(strategy)
        let collector = DiagnosticCollector()
        let document = book.document(reportingTo: collector)
        let about = try #require(document.sheets.first { $0.name == "About" })
        func text(_ row: Int, _ column: Int) -> Cell.Value? { about.cells.first { $0.row == row && $0.column == column }?.value }
        #expect(text(2, 0) == .text("Question") && text(2, 1) == .text("Answer") && text(2, 2) == .text("How to answer"))
        #expect((3...10).map { text($0, 0) } == AssessmentLayout.aboutQuestions.map { .text($0.label) })
        #expect((3...10).allSatisfy { text($0, 1) == .blank })
        #expect(about.cells.filter { $0.column == 1 && $0.row > 2 }.map(\.style)
                == [.input, .input, .input, .input, .input, .inputDate, .input, .input])
        #expect(about.validations.map(\.firstRow) == [4, 5, 8, 9, 10])
        #expect(about.validations.map(\.rule) == [
            .list(definedName: "OrganisationTypes"), .list(definedName: "Regions"),
            .dateOnOrAfter(SimpleDate(year: 2000, month: 1, day: 1)), .wholeNumber(2000...2100),
            .list(definedName: "Validations"),
        ])
        #expect(about.validations.allSatisfy { $0.column == 1 && $0.lastRow == $0.firstRow })
        #expect(about.frozenRows == 3 && about.protected)
        let names = Dictionary(uniqueKeysWithValues: document.definedNames.map { ($0.name, $0.value) })
        #expect(names["AboutOrganisation"] == "=About!$B$4" && names["AboutValidation"] == "=About!$B$11")
        #expect(names["OrganisationTypes"] == "=Lists!$C$2:$C$3" && names["Regions"] == "=Lists!$D$2:$D$4"
                && names["Validations"] == "=Lists!$E$2:$E$2")
        let lists = try #require(document.sheets.first { $0.name == "Lists" })
        #expect(lists.cells.filter { $0.column == 3 }.map(\.value) == [.text("Region"), .text("North East"), .text("London"), .text("South West")])
        // A choice that looks like a formula stays text.
        #expect(lists.cells.contains { $0.row == 2 && $0.column == 2 && $0.value == .text("=1+1") })
        // How to use carries the guidance, one paragraph per row.
        let howTo = try #require(document.sheets.first { $0.name == "How to use" }).cells.map(\.value)
        let heading = try #require(howTo.firstIndex(of: .text("Who is answering")))
        #expect(Array(howTo[heading + 1...heading + 2]) == [.text("First."), .text("Second line.")])
    }

    @Test func withoutAssessmentMDTheAboutQuestionsAreFreeText() throws {
        let collector = DiagnosticCollector()
        let document = workbook(try WorkbookSupport.model()).document(reportingTo: collector)
        let about = try #require(document.sheets.first { $0.name == "About" })
        #expect(about.validations.map(\.rule) == [.dateOnOrAfter(SimpleDate(year: 2000, month: 1, day: 1)), .wholeNumber(2000...2100)])
        #expect(!document.definedNames.contains { $0.name == "Regions" })
    }

    /// Content that starts like a formula is written as a string cell, and gets an apostrophe in the CSV.
    @Test(arguments: ["=SUM(A1:A9)", "+44 20 7664 3000", "-1", "@cmd"])
    func formulaLikeContentStaysText(_ text: String) throws {
        var strategy = try WorkbookSupport.model()
        strategy.themes[0].keyAreas[0].indicators[0].descriptors[0].text = RichText(markdown: text, html: "", plainText: text)
        let book = workbook(strategy)
        let collector = DiagnosticCollector()
        let cells = book.document(reportingTo: collector).sheets[2].cells
        #expect(cells.contains { $0.value == .text(text) })
        #expect(!cells.contains { $0.value == .formula(text) || $0.value == .formula(String(text.dropFirst())) })
        #expect(book.csv().contains(",'\(text),"))
        #expect(CSVField.escaped(text) == "'" + text)
    }

    @Test func csvQuotesFieldsWithSeparators() {
        #expect(CSVField.escaped("a, \"b\"\nc") == "\"a, \"\"b\"\"\nc\"")
        #expect(CSVField.escaped("plain") == "plain")
    }

    @Test func textTooLongForACellIsAnErrorNotATruncation() throws {
        var strategy = try WorkbookSupport.model()
        let long = String(repeating: "x", count: AssessmentWorkbook.cellLimit + 1)
        strategy.themes[0].keyAreas[0].indicators[1].descriptors[2].text = RichText(markdown: long, html: "", plainText: long)
        let collector = DiagnosticCollector()
        let files = try WorkbookRenderer(stamp: WorkbookSupport.stamp(strategy)).render(PublishedStrategy(strategy), reportingTo: collector)
        let diagnostics = collector.diagnostics
        #expect(files.isEmpty)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == .workbookCellTooLong)
        #expect(diagnostic.range == strategy.themes[0].keyAreas[0].indicators[1].descriptors[2].range)
    }

    @Test func workbookBytesAreRepeatable() throws {
        let strategy = try WorkbookSupport.model()
        let collector = DiagnosticCollector()
        let first = try WorkbookRenderer(stamp: WorkbookSupport.stamp(strategy)).render(PublishedStrategy(strategy), reportingTo: collector)
        let second = try WorkbookRenderer(stamp: WorkbookSupport.stamp(strategy)).render(PublishedStrategy(strategy), reportingTo: collector)
        #expect(first == second)
        let xlsx = try #require(first.first { $0.path == "assessment.xlsx" })
        #expect(xlsx.contents.prefix(2) == Data("PK".utf8))
    }

    @Test func columnLetters() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter) == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }
}
