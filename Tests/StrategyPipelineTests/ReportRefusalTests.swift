import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// `report` and `read-return` performed in the test process as a council officer runs them, on the example
/// returns of Riverside: what is refused (with the exact diagnostic, and nothing written) and what an older
/// edition's return becomes. `EndToEndTests.ReportCommandTests` keeps what the commands print and how they
/// take their arguments.
@Suite struct ReportRefusalTests {
    private let returns = ["riverside-2026-procurement", "riverside-2026-finance"].map(ReturnsScratch.example)
    private let earlier = ReturnsScratch.example("riverside-2025-procurement")
    private let riverside = ReturnsScratch.root.appendingPathComponent("Variants/riverside").path

    private func report(_ scratch: ReturnsScratch, _ returns: [String], previous: [String] = [], out: String = "report")
        throws -> (written: Bool, stderr: String) {
        let action = ReportAction(scratch.pipeline(out: out), returns: returns, previous: previous, variant: riverside)
        let written = try action.perform()?.written == true
        return (written, DiagnosticFormat.text.render(action.collector.diagnostics))
    }

    @Test func aMissingReturnIsNamedAndNothingIsWritten() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let missing = scratch.path("no-such-return.xlsx")
        let result = try report(scratch, [returns[0], missing])
        #expect(!result.written)
        #expect(result.stderr.hasPrefix("\(missing): error: '\(missing)' cannot be read as an assessment return: there is no such file [return-unreadable]\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("report")))
    }

    @Test func aPreviousReturnMustBeOfAnEarlierRound() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let later = try report(scratch, [earlier], previous: [returns[0]])
        #expect(!later.written)
        #expect(later.stderr.hasPrefix("\(returns[0]):About!B10: error: '\(returns[0])' is a return of round 2026, which is not earlier than the report's round 2025: give --previous a return of an earlier round [return-previous-not-earlier]\n"))
        // The same round is not earlier either.
        let same = try report(scratch, [returns[1]], previous: [returns[0]])
        #expect(!same.written)
        #expect(same.stderr.hasPrefix("\(returns[0]):About!B10: error: '\(returns[0])' is a return of round 2026, which is not earlier than the report's round 2026: give --previous a return of an earlier round [return-previous-not-earlier]\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("report")))
    }

    /// A report never replaces the sources: its folder may not be the strategy's.
    @Test func aReportNeverReplacesTheSources() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let before = try repo.snapshot()
        let action = ReportAction(
            PublicationPipeline(PublicationRequest(strategyFolder: repo.url("Strategy").path, templates: .builtIn,
                                                   outputFolder: repo.url("Strategy").path, generator: "strategyc test"),
                                collector: DiagnosticCollector()),
            returns: [returns[0]], variant: repo.url("Variants/riverside").path)
        #expect(try action.perform()?.written != true)
        #expect(action.collector.diagnostics.map(\.code) == [.outputProtected])
        #expect(try repo.snapshot() == before)
    }

    /// A return of a variant read without the variant is told the folder that holds it.
    @Test func aVariantsReturnReadAsNationalIsToldItsFolder() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let action = ReadReturnsAction(scratch.pipeline(), returns: [returns[0]], variant: nil, output: nil)
        _ = try action.perform()
        #expect(DiagnosticFormat.text.render(action.collector.diagnostics) == """
            \(returns[0]):Metadata!B11: error: the return was made from variant 'riverside', not from the national strategy: read it with --variant Variants/riverside [return-variant-mismatch]
            1 error and 0 warnings generated.

            """)
    }

    /// A return of an older edition is migrated, and the JSON says what became of its answers; a return of
    /// the current edition has no migration.
    @Test func readReturnWritesTheMigrationOfAnOlderReturn() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let old = scratch.path("old.xlsx")
        try PythonScript.copy("Examples/returns/riverside-2026-finance.xlsx", to: old, settingMetadata: "Edition", to: "2018")
        func read(_ file: String) throws -> [String: Any] {
            let action = ReadReturnsAction(scratch.pipeline(), returns: [file], variant: riverside, output: scratch.path("answers.json"))
            #expect(try action.perform()?.written == true)
            #expect(!action.collector.hasErrors)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("answers.json")))) as? [String: Any])
            return try #require((document["returns"] as? [[String: Any]])?.first)
        }
        let migration = try #require(try read(old)["migration"] as? [String: Any])
        #expect(migration["fromEdition"] as? String == "2018")
        #expect(migration["carried"] as? [Any] != nil && migration["dropped"] as? [String] != nil && migration["new"] as? [String] != nil)
        #expect(try read(returns[1])["migration"] is NSNull)
    }
}
