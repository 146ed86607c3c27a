import Foundation
import TestSupport
import StrategyDiagnostics
import StrategyPipeline
import StrategyRender
import Testing

/// Editing the living strategy in a copy of the project, in the test process: scaffolding that never
/// overwrites and never reuses an id, retiring, renaming and rewording, and the diff and the changes page
/// that report each by id. The copy as first made (`Previous/Strategy`) is the edition before.
/// `EndToEndTests.LivingStrategyTests` keeps what the command line says (`new`'s lines, `diff` of a git
/// revision).
@Suite struct LivingStrategyTests {
    @Test func newNeverOverwritesAFile() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let path = "Strategy/key-areas/behaving-commercially/managing-energy-costs.md"
        try repo.write(path, "---\nkeep me\n")
        // The stray file is not a valid key area, so the strategy has errors and nothing is written.
        #expect(try repo.new(.keyArea(theme: "behaving-commercially"), title: "Managing energy costs") == nil)
        #expect(try repo.read(path) == "---\nkeep me\n")
    }

    @Test func newIdsNeverReuseRetiredOnes() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try repo.edit("Strategy/key-areas/showing-leadership/working-with-partners.md", "status: active", "status: retired\nretired_in: 2022")
        #expect(try repo.new(.keyArea(theme: "showing-leadership"), title: "Working with partners")
                == .keyArea(path: repo.url("Strategy/key-areas/showing-leadership/working-with-partners-2.md").path, isEnabler: false,
                            id: "working-with-partners-2", indicator: "working-with-partners-2-principle"))
    }

    @Test func retiringRemovesFromTheBuildAndTheDiffSaysSo() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try repo.edit("Strategy/key-areas/showing-leadership/working-with-partners.md", "status: active",
                      "status: retired\nretired_in: 2022\nreplaced_by: engaging-senior-managers")
        let build = try repo.build(out: "site")
        #expect(!build.containsErrors, "\(build)")
        #expect(!FileManager.default.fileExists(atPath: repo.url("site/key-areas/working-with-partners.html").path))
        let index = try repo.read("site/index.html")
        #expect(index.contains("<strong>Working with partners</strong> (Showing leadership), introduced in 2018, retired in 2022."))
        let csv = try repo.read("site/assessment.csv")
        #expect(!csv.contains("working-with-partners") && csv.split(separator: "\r\n").count == 1 + 67 - 4)
        let diff = try #require(try repo.diff("Previous/Strategy", "Strategy").diff)
        #expect(DiffRenderer().markdown(diff).contains("- Retired in 2022: Working with partners (working-with-partners, in Showing leadership). Replaced by Engaging senior managers (engaging-senior-managers)."))
    }

    /// A retired indicator is listed on the home page (and in toolkit.md) as the changes page says, and each
    /// change on that page links to what it names.
    @Test func aRetiredIndicatorIsListedAndChangesLinkToWhatTheyName() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let file = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
        try repo.edit(file, "{#councillors-champions}", "{#councillors-champions retired_in=2022 replaced_by=councillors-training}")
        try repo.edit(file, "title: Engaging councillors", "title: Working with councillors")
        let build = try repo.build(out: "site", sincePrevious: true)
        #expect(!build.containsErrors, "\(build)")
        let index = try repo.read("site/index.html")
        #expect(index.contains("<li id=\"retired-councillors-champions\"><strong>Procurement and commercial champions</strong> (an indicator of Working with councillors), retired in 2022. Replaced by <a href=\"key-areas/engaging-councillors.html#councillors-training\">Working with councillors: Training and development</a> .</li>"), "\(index)")
        let toolkit = try repo.read("site/toolkit.md")
        #expect(toolkit.contains("- Procurement and commercial champions (an indicator of Working with councillors): retired in 2022.\n"))
        let changes = try repo.read("site/changes.html")
        #expect(changes.contains("<p><a href=\"index.html#retired-councillors-champions\">Retired in 2022: Procurement and commercial champions (councillors-champions, in Working with councillors)."), "\(changes)")
        #expect(changes.contains("<p><a href=\"key-areas/engaging-councillors.html\">\u{201C}Engaging councillors\u{201D} is now \u{201C}Working with councillors\u{201D} (engaging-councillors, in Showing leadership).</a></p>"), "\(changes)")
        #expect(changes.contains("<a href=\"index.html\">home page</a> under \"Retired indices\" when there are any"))
    }

    @Test func renameAndRewordAreReportedById() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let file = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
        try repo.edit(file, "title: Engaging councillors", "title: Working with councillors")
        try repo.edit(file, "A number of councillors have been on relevant courses.", "Some councillors have taken relevant courses.")
        let diff = try #require(try repo.diff("Previous/Strategy", "Strategy").diff)
        let document = try #require(try JSONSerialization.jsonObject(with: DiffRenderer().json(diff)) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.count == 2)
        #expect(changes[0]["kind"] as? String == "renamed" && changes[0]["id"] as? String == "engaging-councillors")
        #expect(changes[0]["old"] as? String == "Engaging councillors" && changes[0]["new"] as? String == "Working with councillors")
        #expect(changes[1]["kind"] as? String == "reworded" && changes[1]["id"] as? String == "councillors-training")
        #expect(changes[1]["field"] as? String == "developing")
        #expect(changes[1]["old"] as? String == "A number of councillors have been on relevant courses.")
        #expect(changes[1]["new"] as? String == "Some councillors have taken relevant courses.")
        #expect(DiffRenderer().markdown(diff).contains("Developing descriptor reworded."))
    }

    /// The headline's parts add up to its total, and to the changes listed: the edition's change is one of
    /// them (it once said "4 changes" and named three).
    @Test func theDiffHeadlineAddsUp() throws {
        let root = PipelineSupport.packageRoot
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: root.path, generator: ""), collector: DiagnosticCollector())
        let outcome = try DiffAction(pipeline, old: root.appendingPathComponent("Editions/2018").path,
                                     new: root.appendingPathComponent("Strategy").path).perform()
        guard case .compared(let diff) = outcome else {
            Issue.record("\(pipeline.collector.diagnostics)")
            return
        }
        let lines = DiffRenderer().markdown(diff).components(separatedBy: "\n")
        let headline = try #require(lines.first { $0.contains(" changes: ") })
        #expect(headline.hasPrefix("98 changes: the edition changed from 2018 to 2022, 2 theme texts reworded, "), "\(headline)")
        let total = try #require(Int(headline.prefix { $0.isNumber }))
        let parts = headline.drop { $0 != ":" }.dropFirst().dropLast().components(separatedBy: ", ")
        let counted = parts.map { part in Int(part.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) ?? 1 }
        #expect(counted.reduce(0, +) == total, "\(parts)")
        #expect(lines.filter { $0.hasPrefix("- ") }.count == total)
    }

    @Test func unreadablePreviousEditionIsADiagnostic() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try repo.edit("Strategy/strategy.md", "edition: 2022", "edition: 2022\nprevious_edition: ../Nowhere")
        let build = try repo.build(out: "site")
        let text = DiagnosticFormat.text.render(build)
        #expect(build.containsErrors)
        #expect(text.contains("Strategy/strategy.md:5:19: error: previous edition '../Nowhere' cannot be read"), "\(text)")
        #expect(text.contains("[previous-edition-unavailable]"))
    }
}
