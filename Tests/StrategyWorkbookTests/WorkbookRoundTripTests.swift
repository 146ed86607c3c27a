import Foundation
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing
import StrategyDiagnostics

/// The workbook format end to end, in its one module: written blank, proved blank, answered, proved
/// answered, and read back; and its CSV twin, answered the same way, read back to the same answers.
@Suite struct WorkbookRoundTripTests {
    let strategy: Strategy

    init() throws {
        strategy = try ReturnFixtures.compile(ReturnFixtures.small)
    }

    @Test func aWorkbookIsBlankUntilAnsweredAndReadsBackWhatWasTyped() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        #expect(BlankWorkbookProof.examine(url) == .blank)

        try fixtures.fill(url, [3: ["D2": "Established", "E2": "Leading", "G2": "Brief the new cabinet"]])
        #expect(BlankWorkbookProof.examine(url) == .answered("Assessment!D2"))
        let (read, diagnostics) = ReturnFixtures.read(url, against: strategy)
        #expect(diagnostics == "")
        let completed = try #require(read)
        let answer = try #require(completed.answers["councillors-briefings"])
        #expect([answer.current, answer.target, answer.actions] == ["established", "leading", "Brief the new cabinet"])
        #expect(completed.answers.values.filter { $0 != CompletedReturn.Answer() }.count == 1)
    }

    @Test func theCSVTwinReadsBackToTheSameAnswersAsTheWorkbook() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let workbook = try fixtures.blank(strategy)
        try fixtures.fill(workbook, [3: ["D2": "Established", "E2": "Leading", "D4": "Starting"]])
        let (fromWorkbook, _) = ReturnFixtures.read(workbook, against: strategy)

        let files = try WorkbookRenderer(stamp: PublicationStamp(strategy, generator: "strategyc test"))
            .render(PublishedStrategy(strategy), reportingTo: DiagnosticCollector())
        let blank = String(decoding: try #require(files.first { $0.path == "assessment.csv" }).contents, as: UTF8.self)
        // The fixture's fields hold no commas, so a row splits on them.
        var rows = blank.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        rows[1][3] = "Established"; rows[1][4] = "Leading"; rows[3][3] = "Starting"
        let csv = fixtures.folder.appendingPathComponent("return.csv")
        try Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").utf8).write(to: csv)
        let collector = DiagnosticCollector()
        let fromCSV = ReturnReader(strategy: strategy).read(csv, path: "return.csv", reportingTo: collector)
        #expect(collector.diagnostics.isEmpty)
        #expect(try #require(fromCSV).answers == (try #require(fromWorkbook)).answers)
    }
}
