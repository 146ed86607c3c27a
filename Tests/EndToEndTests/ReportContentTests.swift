import Foundation
import TestSupport
import Testing
import StrategyDiagnostics

/// What the council's report says, beyond its figures (issue 23): the figures read out in words, the
/// respondents' evidence and owners with an action plan, the variant's own indicators and exclusions, and
/// tables that fit the page. Run on the committed example returns of the invented Riverside District
/// Council, three respondents and an earlier round, as `docs/assessments.md` shows them.
@Suite struct ReportContentTests {
    private static let returns = ["Examples/returns/riverside-2026-finance.xlsx", "Examples/returns/riverside-2026-housing.xlsx",
                                  "Examples/returns/riverside-2026-procurement.xlsx"]

    private struct Report {
        var folder: URL
        var markdown: [String]
        var page: String
        var json: [String: Any]

        func file(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }

    private func report(_ arguments: [String] = returns + ["--previous", "Examples/returns/riverside-2025-procurement.xlsx",
                                                           "--variant", "Variants/riverside"]) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-report-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("report")
        let result = try StrategycRunner.run(["report"] + arguments + ["--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        return Report(folder: out, markdown: markdown.components(separatedBy: "\n"),
                      page: try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), json: json ?? [:])
    }


    /// Item 9: the variant's own indicators are marked, and what it left out is named with its reason.
    @Test func theVariantsOwnIndicatorsAndExclusionsAreShown() throws {
        let report = try report()
        defer { try? FileManager.default.removeItem(at: report.folder.deletingLastPathComponent()) }
        #expect(report.markdown.contains("### 11. Buying for net zero (local key area)"))
        #expect(report.markdown.contains("| Managing strategic risk | Modern slavery assurance (local) | Developing | Mature | Mature | Suppliers in high-risk categories are checked before award, and contract managers know the signs to look for. | – | – | – |"))
        #expect(try report.file("actions.csv").contains("\r\nManaging strategic risk,Modern slavery assurance,local,Developing,Mature,Mature,"))
        let local = try #require(report.json["localIndicators"] as? [String: String])
        #expect(local["riverside-modern-slavery-assurance"] == "added" && local["greener-north-net-zero-footprint"] == "added")

        // A variant that leaves out a national key area and rewords an indicator.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-small-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blank = folder.appendingPathComponent("blank.xlsx").path, filled = folder.appendingPathComponent("filled.xlsx").path
        #expect(try StrategycRunner.run(["workbook", "--variant", "Variants/small-district", "-o", blank]).status == 0)
        try Self.fill(blank, to: filled, rows: ["developing-talent-maturity": ["Developing", "Leader", "@people-team", "-2026-10-01"]])
        let small = try self.report([filled, "--variant", "Variants/small-district"])
        let excluded = try #require(small.markdown.firstIndex(of: "## Left out by this variant"))
        #expect(small.markdown[excluded + 4] == "- Key area **Engaging strategic suppliers**: The council has no strategic suppliers of its own; those it relies on are managed by the county.")
        #expect(small.page.contains("<li>Key area <strong>Engaging strategic suppliers</strong>: The council has no strategic suppliers of its own; those it relies on are managed by the county.</li>"))
        #expect(small.markdown.contains("- **Developing talent** (reworded locally): current Developing, target Leader"))
        // A respondent's text that a spreadsheet would run as a formula is kept as text.
        let csv = try small.file("actions.csv").components(separatedBy: "\r\n")
        #expect(csv[1].hasSuffix(",,'@people-team,'-2026-10-01,developing-talent,developing-talent-maturity"))
        #expect(csv[1].hasPrefix("Developing talent,Developing talent,reworded locally,Developing,Mature,Leader,"))
    }

    /// Item 10: every table fits the page at 1280 px, at 390 px and in print: none scrolls sideways or
    /// loses a column (measured in headless Chromium by scripts/check_table_fit.py).
    @Test func tablesFitAtEveryWidthAndInPrint() throws {
        let report = try report()
        defer { try? FileManager.default.removeItem(at: report.folder.deletingLastPathComponent()) }
        let (status, output) = try ExternalProgram.run(["python3", StrategycRunner.packageRoot.appendingPathComponent("scripts/check_table_fit.py").path,
                                                        report.folder.path, "index.html"])
        let lines = String(decoding: output, as: UTF8.self)
        #expect(status == 0, "\(lines)")
        #expect(lines == """
            table fit: index.html at 1280px: 4 tables, 0 do not fit
            table fit: index.html at 390px: 4 tables, 0 do not fit
            table fit: index.html at print: 4 tables, 0 do not fit

            """)
    }

    /// Fills rows of a blank workbook by indicator id: current, target, owner and review date, found by
    /// their headings as a reader finds them.
    private static func fill(_ blank: String, to target: String, rows: [String: [String]]) throws {
        let spec = rows.map { ([$0.key] + $0.value).joined(separator: "\t") }.joined(separator: "\n")
        try PythonScript.run("""
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Assessment"]
            columns = {cell.value: cell.column for cell in sheet[1]}
            wanted = {line.split("\\t")[0]: line.split("\\t")[1:] for line in sys.argv[3].split("\\n")}
            for row in range(2, sheet.max_row + 1):
                values = wanted.get(sheet.cell(row, columns["Indicator id"]).value)
                if values:
                    for heading, value in zip(["Current level", "Target level", "Owner", "Review date"], values):
                        sheet.cell(row, columns[heading]).value = value
            book.save(sys.argv[2])
            """, [blank, target, spec])
    }
}
