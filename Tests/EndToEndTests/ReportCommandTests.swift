import Foundation
import TestSupport
import Testing

/// `strategyc read-return` and `strategyc report` run as a council officer runs them, on the committed
/// example returns of the invented Riverside District Council.
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

    @Test func aMissingReturnIsNamedAndNothingIsWritten() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let result = try StrategycRunner.run(["report", returns[0], "no-such-return.xlsx", "--variant", "Variants/riverside", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("no-such-return.xlsx: error: 'no-such-return.xlsx' cannot be read as an assessment return: there is no such file [return-unreadable]\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aPreviousReturnMustBeOfAnEarlierRound() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report")
        let result = try StrategycRunner.run(["report", "Examples/returns/riverside-2025-procurement.xlsx",
                                              "--previous", returns[0], "--variant", "Variants/riverside", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("\(returns[0]):About!B10: error: '\(returns[0])' is a return of round 2026, which is not earlier than the report's round 2025: give --previous a return of an earlier round [return-previous-not-earlier]\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The same round is not earlier either.
        let same = try StrategycRunner.run(["report", returns[1], "--previous", returns[0], "--variant", "Variants/riverside",
                                            "--out", out.path])
        #expect(same.status == 1)
        #expect(same.stderr.hasPrefix("\(returns[0]):About!B10: error: '\(returns[0])' is a return of round 2026, which is not earlier than the report's round 2026: give --previous a return of an earlier round [return-previous-not-earlier]\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// A variant names its own base in variant.md: a --strategy beside --variant would be ignored, so it is
    /// refused instead.
    /// A return of a variant read without --variant is told the folder that holds that variant; and the
    /// variant's own file is taken for its folder.
    @Test func aVariantsReturnIsToldItsFolder() throws {
        let missing = try StrategycRunner.run(["read-return", returns[0]])
        #expect(missing.status == 1)
        #expect(missing.stderr == """
            \(returns[0]):Metadata!B11: error: the return was made from variant 'riverside', not from the national strategy: read it with --variant Variants/riverside [return-variant-mismatch]
            1 error and 0 warnings generated.

            """)
        let file = try StrategycRunner.run(["read-return", returns[0], "--variant", "Variants/riverside/variant.md"])
        #expect(file.status == 0, "\(file.stderr)")
        #expect(file.stdout.hasPrefix("read \(returns[0]): Riverside District Council, "), "\(file.stdout)")
    }

    @Test func strategyAndVariantTogetherAreRefused() throws {
        for command in ["read-return", "report"] {
            let result = try StrategycRunner.run([command, returns[0], "--variant", "Variants/riverside", "--strategy", "Elsewhere"])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("give --strategy or --variant, not both: a variant's base strategy is the one its variant.md names"), "\(command)")
        }
    }

    @Test func aReportNeverReplacesTheSources() throws {
        let result = try StrategycRunner.run(["report", returns[0], "--variant", "Variants/riverside", "--out", "Strategy"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[output-protected]"))
    }

    /// A return of an older edition is migrated, and the JSON says what became of its answers.
    @Test func readReturnWritesTheMigrationOfAnOlderReturn() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old.xlsx").path
        try PythonScript.copy(returns[1], to: old, settingMetadata: "Edition", to: "2018")
        let json = folder.appendingPathComponent("answers.json")
        let result = try StrategycRunner.run(["read-return", old, "--variant", "Variants/riverside", "-o", json.path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let first = try #require((document["returns"] as? [[String: Any]])?.first)
        let migration = try #require(first["migration"] as? [String: Any])
        #expect(migration["fromEdition"] as? String == "2018")
        #expect(migration["carried"] as? [Any] != nil && migration["dropped"] as? [String] != nil && migration["new"] as? [String] != nil)
        // A return of the current edition has none.
        let current = try StrategycRunner.run(["read-return", returns[1], "--variant", "Variants/riverside", "-o", json.path])
        #expect(current.status == 0)
        let again = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect(((again["returns"] as? [[String: Any]])?.first?["migration"]) is NSNull)
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
