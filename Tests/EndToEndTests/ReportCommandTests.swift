import Foundation
import TestSupport
import Testing

/// `strategyc read-return` and `strategyc report` run as a council officer runs them, on the committed
/// example returns of the invented Riverside District Council: what they print, how they exit and how they
/// take their arguments. What is refused, and what an older return becomes, is checked in the test process
/// (`StrategyPipelineTests.ReportRefusalTests`).
@Suite struct ReportCommandTests {
    private func scratch() throws -> URL {
        try TestPaths.scratch("report")
    }

    private let returns = ["Examples/returns/riverside-2026-procurement.xlsx", "Examples/returns/riverside-2026-finance.xlsx"]

    @Test func writesTheReportFolder() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let result = try StrategycRunner.run(["report"] + returns + [
            "--previous", "Examples/returns/riverside-2025-procurement.xlsx", "--variant", "Variants/riverside", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out.path)/: the report on 2 returns and 1 earlier (index.html, report.md, report.json, actions.csv; 5 files)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == [".strategyc-output.json", "actions.csv", "assets", "index.html", "report.json", "report.md"])
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<h1>Where Riverside District Council stands</h1>"))
        #expect(page.contains("<svg class=\"radar\"") && !page.contains("<script"))
        // Written again over its own output: allowed, and the same bytes.
        let json = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let again = try StrategycRunner.run(["report"] + returns + [
            "--previous", "Examples/returns/riverside-2025-procurement.xlsx", "--variant", "Variants/riverside", "--out", out.path])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("report.json")) == json)
    }

    /// A variant's own file is taken for its folder; a --strategy beside --variant would be ignored (a
    /// variant names its own base in variant.md), so it is refused instead. (A variant's return read
    /// without --variant is told its folder: `StrategyPipelineTests.ReportRefusalTests`.)
    @Test func aVariantIsNamedByItsFolderOrItsFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("answers.json").path
        let file = try StrategycRunner.run(["read-return", returns[0], "--variant", "Variants/riverside/variant.md", "-o", json])
        #expect(file.status == 0, "\(file.stderr)")
        #expect(file.stdout == "read \(returns[0]): Riverside District Council, Head of procurement, round 2026; 64 of 71 indicators with both levels\nwrote \(json): the answers of 1 return\n")
    }

    @Test func strategyAndVariantTogetherAreRefused() throws {
        for command in ["read-return", "report"] {
            let result = try StrategycRunner.run([command, returns[0], "--variant", "Variants/riverside", "--strategy", "Elsewhere"])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("give --strategy or --variant, not both: a variant's base strategy is the one its variant.md names"), "\(command)")
        }
    }

    @Test func readReturnReportsInJSONForPrograms() throws {
        let result = try StrategycRunner.run(["read-return", "Examples/returns/riverside-2026-finance.xlsx",
                                              "--diagnostics-format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["return-variant-mismatch"])
        #expect(diagnostics.first?["cell"] as? String == "Metadata!B11")
    }
}
