import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// `benchmark` and `report --peers` performed in the test process on a store of the example returns of one
/// council: too few for any figure, which is the point. (The figures of a real round are checked in
/// `BenchmarkTests` and, end to end, by `EndToEndTests.BenchmarkRoundTests`.)
@Suite struct BenchmarkPublishingTests {
    private let examples = ["riverside-2025-procurement", "riverside-2026-finance", "riverside-2026-housing",
                            "riverside-2026-procurement"].map(ReturnsScratch.example)

    private func benchmark(_ scratch: ReturnsScratch, round: String, out: String)
        throws -> (outcome: BenchmarkAction.Outcome?, diagnostics: [Diagnostic]) {
        let action = BenchmarkAction(scratch.pipeline(out: out), store: scratch.store,
                                     request: BenchmarkRequest(round: round, threshold: 5, leftOutTypes: ["Combined authority"]))
        return (try action.perform(), action.collector.diagnostics)
    }

    @Test func oneCouncilPublishesNothingButSaysWhy() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        #expect(try scratch.record(examples).diagnostics == [])
        let unknown = try benchmark(scratch, round: "2030", out: "none")
        #expect(unknown.outcome?.written != true)
        #expect(DiagnosticFormat.text.render(unknown.diagnostics).hasPrefix("\(scratch.store): error: the store has no comparable return for round 2030; its rounds are 2025, 2026 [store-unusable]\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("none")))

        let published = try benchmark(scratch, round: "2026", out: "benchmark")
        #expect(published.diagnostics == [])
        #expect(published.outcome?.figures.councilCount == 1)
        #expect(published.outcome?.regions == 0)
        let out = scratch.folder.appendingPathComponent("benchmark")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("benchmark.json"))) as? [String: Any])
        #expect(json["councils"] as? Int == 0)
        // The one note: the others would count returns of a round too small to publish (the store holds a
        // variant's return of round 2026, which would otherwise have been counted).
        #expect(json["notes"] as? [String] == ["Fewer than 5 councils answered round 2026: no figure can be published."])
        // Not one number about the council: every count, size and total is null, every median too.
        let csv = try String(contentsOf: out.appendingPathComponent("figures.csv"), encoding: .utf8)
        let values = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] }
        #expect(!values.isEmpty && values.allSatisfy(\.isEmpty))
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Too few councils answered round 2026 for any figure to be published."))

        // A council report compared with it shows the withheld figures, never the council's own back.
        let report = ReportAction(scratch.pipeline(out: "report"), returns: [examples[1], examples[3]],
                                  peers: out.appendingPathComponent("benchmark.json").path,
                                  variant: ReturnsScratch.root.appendingPathComponent("Variants/riverside").path)
        #expect(try report.perform()?.written == true)
        #expect(report.collector.diagnostics == [])
        let markdown = try String(contentsOfFile: scratch.path("report/report.md"), encoding: .utf8)
        #expect(markdown.contains("## Compared to your peers"))
        #expect(markdown.contains("All councils: councils by level reached, round 2026"))
        #expect(markdown.contains("| Engaging councillors | withheld | withheld | withheld | withheld | withheld | withheld | withheld | too few to show |"))
    }

    @Test func peersFromAnotherKindOfFileAreRefused() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let bogus = scratch.path("benchmark.json")
        try Data("{\"format\": \"something-else\"}".utf8).write(to: URL(fileURLWithPath: bogus))
        let report = ReportAction(scratch.pipeline(out: "r"), returns: [examples[1]], peers: bogus,
                                  variant: ReturnsScratch.root.appendingPathComponent("Variants/riverside").path)
        #expect(try report.perform()?.written != true)
        #expect(DiagnosticFormat.text.render(report.collector.diagnostics).hasPrefix("\(bogus): error: '\(bogus)' cannot be used for the peer comparison: it is not a benchmark.json written by this `strategyc benchmark` (format strategyc-benchmark-3) [peers-unusable]\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("r")))
    }
}
