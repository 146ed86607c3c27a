import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing

/// What the council's report says, beyond its figures (issue 23): the figures read out in words, the
/// respondents' evidence and owners with an action plan, indicators named with their key area. The report
/// action runs in the test process, once, on the committed example returns of the invented Riverside
/// District Council (three respondents and an earlier round, as `docs/assessments.md` shows them); the
/// cases that fill a workbook or measure tables in Chromium are `EndToEndTests.ReportContentTests`.
@Suite struct ReportContentTests {
    private static let returns = ["riverside-2026-finance.xlsx", "riverside-2026-housing.xlsx", "riverside-2026-procurement.xlsx"]
        .map { PipelineSupport.packageRoot.appendingPathComponent("Examples/returns/" + $0).path }

    private struct Report {
        var folder: URL
        var markdown: [String]
        var page: String
        var json: [String: Any]

        func file(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }

    /// The report, written once for every case here (they only read it).
    private final class Shared: @unchecked Sendable {
        private var made: Report?
        private let lock = NSLock()

        func get() throws -> Report {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let report = try ReportContentTests.report()
            made = report
            return report
        }
    }

    private static let shared = Shared()

    /// `report RETURNS --previous riverside-2025-procurement.xlsx --variant Variants/riverside --out DIR`.
    private static func report() throws -> Report {
        let out = try PipelineSupport.scratch().appendingPathComponent("report")
        let root = PipelineSupport.packageRoot
        let request = PublicationRequest(strategyFolder: root.appendingPathComponent("Strategy").path,
                                         templates: .folder(root.appendingPathComponent("Templates").path),
                                         outputFolder: out.path, generator: "strategyc test")
        let pipeline = PublicationPipeline(request, collector: DiagnosticCollector())
        let outcome = try ReportAction(pipeline, returns: returns,
                                       previous: [root.appendingPathComponent("Examples/returns/riverside-2025-procurement.xlsx").path],
                                       variant: root.appendingPathComponent("Variants/riverside").path).perform()
        #expect(outcome != nil && !pipeline.collector.hasErrors, "\(pipeline.collector.diagnostics)")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        return Report(folder: out, markdown: markdown.components(separatedBy: "\n"),
                      page: try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), json: json ?? [:])
    }

    private static let councillorsReading = "Minimum is level 1 of 5: Practice is missing, reactive or driven by compliance alone; where something is in place it is basic, informal or confined to a few people, departments or contracts. An area is only as mature as its weakest indicator, and here that is Training and development, at Minimum. Each indicator takes the middle of the respondents' answers (the lower of the two middle ones when their number is even): for Training and development they said Minimum and Mature (one left it blank), so Minimum. The respondents' own levels for the area (Minimum and Developing) are each one respondent's weakest indicator; the council's level combines the answers indicator by indicator first, so a respondent's answer above or below the others counts only where it is the middle one. The target, Leader, is the highest set for any of its indicators (Reporting). The current level is 3 levels below it. Progress to target, 73%, counts all 4 indicators, each with a current and a target level: their targets add up to 11 levels and they are 3 short of them (1 − 3/11); an indicator past its target counts as none short, never as extra."

    /// Item 7: each key area's figures in words, the same in report.md, the page and report.json.
    @Test func theFiguresAreReadInPlainEnglish() throws {
        let report = try Self.shared.get()
        let heading = try #require(report.markdown.firstIndex(of: "### 1. Engaging councillors"))
        #expect(report.markdown[heading + 2] == "Current level Minimum · target Leader · gap 3 levels · progress to target 73% · 4 of 4 indicators answered")
        #expect(report.markdown[heading + 4] == Self.councillorsReading)
        let escaped = Self.councillorsReading.replacingOccurrences(of: "'", with: "&#39;")
        #expect(report.page.contains("<h3 id=\"area-engaging-councillors\">1. Engaging councillors</h3>\n<p class=\"report__figures\">Current level Minimum · target Leader · gap 3 levels · progress to target 73% · 4 of 4 indicators answered</p>\n<p>\(escaped)</p>"))
        let areas = try #require(report.json["keyAreas"] as? [[String: Any]])
        #expect(areas.first?["reading"] as? String == Self.councillorsReading)
        // An area of one indicator, where one respondent is outvoted.
        let adding = try #require(report.markdown.firstIndex(of: "### 12. Adding value"))
        #expect(report.markdown[adding + 4].hasSuffix("It is the level of the area's one indicator, Adding value. Each indicator takes the middle of the respondents' answers (the lower of the two middle ones when their number is even): for Adding value they said Leader, Leader and Minimum, so Leader. The respondents' own levels for the area (Leader, Leader and Minimum) are each one respondent's weakest indicator; the council's level combines the answers indicator by indicator first, so a respondent's answer above or below the others counts only where it is the middle one. The target, Minimum, is the target set for its one indicator. The current level has reached it. Progress to target, 100%, counts its one indicator, which has a current and a target level: their targets add up to 1 level and they are 0 short of them (1 − 0/1); an indicator past its target counts as none short, never as extra."))
    }

    /// Item 8: the respondents' evidence, owners and review dates per key area, and the action plan in
    /// every form, actions.csv included.
    @Test func theActionPlanCarriesOwnersAndReviewDates() throws {
        let report = try Self.shared.get()
        let heading = try #require(report.markdown.firstIndex(of: "### 1. Engaging councillors"))
        #expect(Array(report.markdown[(heading + 11)...(heading + 14)]) == [
            "- **Training and development**: current Minimum, target Developing",
            "  - 1. Finance business partner, Finance: Evidence: Internal audit report. Owner: Finance. Review date: 2026-09-30.",
            "  - 2. Housing commissioning lead, Housing: Evidence: Contracts register on the council website. Owner: Housing. Review date: 2026-09-30.",
            "",
        ])
        let plan = try #require(report.markdown.firstIndex(of: "## Action plan"))
        #expect(report.markdown[plan + 4] == "| Key area | Indicator | From | To | Target | Next step | Actions | Owner | Review date |")
        #expect(report.markdown.contains("| Engaging councillors | Training and development | Minimum | Developing | Developing | A number of councillors have been on relevant courses. | – | Finance; Housing | 2026-09-30 |"))
        let csv = try report.file("actions.csv").components(separatedBy: "\r\n")
        #expect(csv[0] == "Key area,Indicator,Local,Current level,Next level,Target level,Next step,Actions,Owner,Review date,Key area id,Indicator id")
        #expect(csv.contains("Engaging councillors,Training and development,,Minimum,Developing,Developing,A number of councillors have been on relevant courses.,,Finance; Housing,2026-09-30,engaging-councillors,councillors-training"))
        let steps = try #require(report.json["nextSteps"] as? [[String: Any]])
        let actions = try #require(report.json["actionPlan"] as? [[String: Any]])
        #expect(actions.count == steps.count && actions.count == 41)
        let training = try #require(actions.first { $0["indicator"] as? String == "councillors-training" })
        #expect(training["owners"] as? [String] == ["Finance", "Housing"] && training["reviewDates"] as? [String] == ["2026-09-30"])
        #expect(training["current"] as? Int == 1 && training["next"] as? Int == 2 && training["target"] as? Int == 2)
        #expect(report.page.contains("<td data-label=\"Owner\">Finance; Housing</td><td data-label=\"Review date\">2026-09-30</td></tr>"))
    }

    /// Item 5: an indicator is always named with its key area, and linked to its entry in the report.
    @Test func indicatorsAreNamedWithTheirKeyArea() throws {
        let report = try Self.shared.get()
        #expect(report.page.contains("<tr><th scope=\"row\" data-label=\"Key area: indicator\">Engaging councillors: <a href=\"#indicator-councillors-training\">Training and development</a></th>"))
        #expect(report.page.contains("<li id=\"indicator-councillors-training\"><p><strong>Training and development</strong>: current Minimum, target Developing</p>"))
        #expect(report.page.contains("<li>Buying for net zero: <a href=\"#indicator-greener-north-net-zero-suppliers\">Asking suppliers to cut carbon</a> <span class=\"origin\">local</span></li>"))
    }
}
