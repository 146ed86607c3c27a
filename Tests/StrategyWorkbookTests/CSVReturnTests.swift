import Foundation
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing
import StrategyDiagnostics

/// The CSV twin read back: columns by header, answers by id, About answers from the last columns, and a
/// field a spreadsheet would run as a formula refused at its cell.
@Suite struct CSVReturnTests {
    private let strategy: Strategy

    init() throws {
        strategy = try ReturnFixtures.compile(ReturnFixtures.small)
    }

    /// The small fixture's CSV with `change` applied to its rows (fields split on commas; the fixture's
    /// fields hold no commas), written as `return.csv`.
    private func csv(in fixtures: ReturnFixtures, separator: String = ",", _ change: (inout [[String]]) -> Void) throws -> URL {
        let files = try WorkbookRenderer(stamp: PublicationStamp(strategy, generator: "strategyc test"))
            .render(PublishedStrategy(strategy), reportingTo: DiagnosticCollector())
        let text = String(decoding: try #require(files.first { $0.path == "assessment.csv" }).contents, as: UTF8.self)
        var rows = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        change(&rows)
        let url = fixtures.folder.appendingPathComponent("return.csv")
        try (rows.map { $0.joined(separator: separator) }.joined(separator: "\r\n") + "\r\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func read(_ url: URL) -> (CompletedReturn?, String) {
        let collector = DiagnosticCollector()
        let result = ReturnReader(strategy: strategy).read(url, path: "return.csv", reportingTo: collector)
        return (result, DiagnosticFormat.text.render(collector.diagnostics))
    }

    @Test func answersAndAboutAreReadFromTheCSV() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try csv(in: fixtures) { rows in
            #expect(rows[0][3] == "Current level" && rows[0][13] == "Indicator id" && rows[0][14] == "Organisation")
            rows[1][3] = "Established"; rows[1][4] = "leading"; rows[1][14] = "Riverside District Council"
            rows[3][3] = "'Starting"  // strategyc's own escape, taken off
            rows[2][16] = "North West"
        }
        let (result, text) = read(url)
        #expect(text == "")
        let completed = try #require(result)
        #expect(completed.stamp == nil)
        #expect(completed.answers["councillors-briefings"] == CompletedReturn.Answer(current: "established", target: "leading"))
        #expect(completed.answers["data-maturity"]?.current == "starting")
        #expect(completed.about == ["AboutOrganisation": "Riverside District Council", "AboutRegion": "North West"])
    }

    /// Problems with an About answer are reported at its cell: where the answer stands, or (left blank) the
    /// first row under its header.
    @Test func aboutAnswersKnowTheirCells() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try csv(in: fixtures) { rows in
            rows[2][16] = "North West"  // the region on the CSV's third row, column Q
        }
        let completed = try #require(read(url).0)
        #expect(completed.range(of: .region).start.description == "return.csv:Q3")
        #expect(completed.range(of: .organisation).start.description == "return.csv:O2")  // blank: under its header
    }

    @Test func aFormulaAndAWrongLevelAreNamedAtTheirCells() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try csv(in: fixtures, separator: ";") { rows in
            rows[1][3] = "=HYPERLINK(\"http://example.org\")".replacingOccurrences(of: "\"", with: "")
            rows[2][4] = "Leadin"
        }
        let (result, text) = read(url)
        #expect(text == """
            return.csv:D2: error: this field starts with '=', so a spreadsheet opening the file would run it as a formula where a level is expected: write the value itself [return-formula]
            return.csv:E3: error: "Leadin" is not a level; the levels are Starting, Established, Leading; did you mean 'Leading'? [return-unknown-level]
            return.csv:E3: note: fix-it: write 'Leading'
            2 errors and 0 warnings generated.

            """)
        #expect(result?.answers["councillors-briefings"]?.current == nil)
    }

    /// Evidence written as a list ("- board minutes") is text; a field a spreadsheet would run ("-1+1",
    /// "+SUM(A1)") is still refused, in words that fit a CSV (it has no stored result).
    @Test func aDashFollowedByASpaceIsTextNotAFormula() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try csv(in: fixtures) { rows in
            rows[1][3] = "Established"
            rows[1][5] = "- board minutes"
            rows[2][5] = "+ the annual report"
            rows[3][5] = "-1+1"
        }
        let (result, text) = read(url)
        #expect(text == """
            return.csv:F4: error: this field starts with '-', so a spreadsheet opening the file would run it as a formula where an answer is expected: write the value itself (a leading apostrophe keeps it as text) [return-formula]
            1 error and 0 warnings generated.

            """)
        #expect(result?.answers["councillors-briefings"]?.evidence == "- board minutes")
        #expect(result?.answers["councillors-training"]?.evidence == "+ the annual report")
        #expect(result?.answers["councillors-briefings"]?.current == "established")
    }
}
