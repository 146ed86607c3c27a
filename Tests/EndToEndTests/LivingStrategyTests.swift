import Foundation
import Testing

/// Editing the living strategy in a copy of Strategy/: scaffolding, retiring, renaming, rewording, and
/// the diff that reports each by id.
@Suite struct LivingStrategyTests {
    private func copy() throws -> URL { try StrategycRunner.copyOfStrategy() }
    private func cleanUp(_ root: URL) { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func newKeyAreaPassesCheckWithOnlyPlaceholderWarnings() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let created = try StrategycRunner.run(["new", "key-area", "--strategy", root.path, "--theme", "behaving-commercially",
                                               "--title", "Managing energy costs"])
        #expect(created.status == 0, "\(created.stderr)")
        let path = root.appendingPathComponent("key-areas/behaving-commercially/managing-energy-costs.md").path
        #expect(created.stdout == "wrote \(path): key area 'managing-energy-costs' with indicator 'managing-energy-costs-principle'\n")
        let check = try StrategycRunner.run(["check", root.path])
        #expect(check.status == 0, "\(check.stderr)")
        let lines = check.stderr.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasSuffix("[placeholder-text]") && $0.contains(": warning: ") }, "\(check.stderr)")
        #expect(check.stdout.contains("11 key areas, 63 indicators"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("order: 4") && text.contains("since: 2022") && text.contains("{#managing-energy-costs-principle}"))

        let indicator = try StrategycRunner.run(["new", "indicator", "--strategy", root.path, "--key-area", "managing-energy-costs",
                                                 "--title", "Tendering"])
        #expect(indicator.status == 0, "\(indicator.stderr)")
        // It says the id it chose (for `replaced_by`) and the line the heading is on.
        let heading = try #require(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            .firstIndex(of: "### Tendering {#tendering}")) + 1
        #expect(indicator.stdout == "wrote \(path):\(heading): indicator 'tendering' in key area 'managing-energy-costs'\n")
        // The slug of this title is an id used in another key area, so the id gets the key area's prefix.
        let again = try StrategycRunner.run(["new", "indicator", "--strategy", root.path, "--key-area", "managing-energy-costs",
                                             "--title", "Opportunities tendering"])
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            .contains("### Opportunities tendering {#managing-energy-costs-opportunities-tendering}"))
        #expect(again.status == 0)
        #expect(try StrategycRunner.run(["check", root.path]).status == 0)
    }

    @Test func newNeverOverwritesAFile() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let path = root.appendingPathComponent("key-areas/behaving-commercially/managing-energy-costs.md")
        try Data("---\nkeep me\n".utf8).write(to: path)
        let result = try StrategycRunner.run(["new", "key-area", "--strategy", root.path, "--theme", "behaving-commercially",
                                              "--title", "Managing energy costs"])
        // The stray file is not a valid key area, so the strategy has errors and nothing is written.
        #expect(result.status == 1)
        #expect(try String(contentsOf: path, encoding: .utf8) == "---\nkeep me\n")
    }

    @Test func newIdsNeverReuseRetiredOnes() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let file = root.appendingPathComponent("key-areas/showing-leadership/working-with-partners.md")
        try edit(file, "status: active", "status: retired\nretired_in: 2022")
        let result = try StrategycRunner.run(["new", "key-area", "--strategy", root.path, "--theme", "showing-leadership",
                                              "--title", "Working with partners"])
        #expect(result.stdout.hasSuffix("key-areas/showing-leadership/working-with-partners-2.md: key area 'working-with-partners-2' with indicator 'working-with-partners-2-principle'\n"), "\(result.stdout)\(result.stderr)")
    }

    @Test func retiringRemovesFromTheBuildAndTheDiffSaysSo() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let old = root.deletingLastPathComponent().appendingPathComponent("Old")
        try FileManager.default.copyItem(at: root, to: old)
        let file = root.appendingPathComponent("key-areas/showing-leadership/working-with-partners.md")
        try edit(file, "status: active", "status: retired\nretired_in: 2022\nreplaced_by: engaging-senior-managers")
        let out = root.deletingLastPathComponent().appendingPathComponent("site")
        let build = try StrategycRunner.run(["build", root.path, "--out", out.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("key-areas/working-with-partners.html").path))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<strong>Working with partners</strong> (Showing leadership), introduced in 2018, retired in 2022."))
        let csv = try String(contentsOf: out.appendingPathComponent("assessment.csv"), encoding: .utf8)
        #expect(!csv.contains("working-with-partners") && csv.split(separator: "\r\n").count == 1 + 67 - 4)
        let diff = try StrategycRunner.run(["diff", old.path, root.path])
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("- Retired in 2022: Working with partners (working-with-partners, in Showing leadership). Replaced by Engaging senior managers (engaging-senior-managers)."), "\(diff.stdout)")
    }

    /// A retired indicator is listed on the home page (and in toolkit.md) as the changes page says, and each
    /// change on that page links to what it names.
    @Test func aRetiredIndicatorIsListedAndChangesLinkToWhatTheyName() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let old = root.deletingLastPathComponent().appendingPathComponent("Old")
        try FileManager.default.copyItem(at: root, to: old)
        let file = root.appendingPathComponent("key-areas/showing-leadership/engaging-councillors.md")
        try edit(file, "{#councillors-champions}", "{#councillors-champions retired_in=2022 replaced_by=councillors-training}")
        try edit(file, "title: Engaging councillors", "title: Working with councillors")
        let out = root.deletingLastPathComponent().appendingPathComponent("site")
        let build = try StrategycRunner.run(["build", root.path, "--out", out.path, "--since", old.path])
        #expect(build.status == 0, "\(build.stderr)")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<li id=\"retired-councillors-champions\"><strong>Procurement and commercial champions</strong> (an indicator of Working with councillors), retired in 2022. Replaced by <a href=\"key-areas/engaging-councillors.html#councillors-training\">Working with councillors: Training and development</a> .</li>"), "\(index)")
        let toolkit = try String(contentsOf: out.appendingPathComponent("toolkit.md"), encoding: .utf8)
        #expect(toolkit.contains("- Procurement and commercial champions (an indicator of Working with councillors): retired in 2022.\n"))
        let changes = try String(contentsOf: out.appendingPathComponent("changes.html"), encoding: .utf8)
        #expect(changes.contains("<p><a href=\"index.html#retired-councillors-champions\">Retired in 2022: Procurement and commercial champions (councillors-champions, in Working with councillors)."), "\(changes)")
        #expect(changes.contains("<p><a href=\"key-areas/engaging-councillors.html\">\u{201C}Engaging councillors\u{201D} is now \u{201C}Working with councillors\u{201D} (engaging-councillors, in Showing leadership).</a></p>"), "\(changes)")
        #expect(changes.contains("<a href=\"index.html\">home page</a> under \"Retired indices\" when there are any"))
    }

    @Test func renameAndRewordAreReportedById() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let old = root.deletingLastPathComponent().appendingPathComponent("Old")
        try FileManager.default.copyItem(at: root, to: old)
        let file = root.appendingPathComponent("key-areas/showing-leadership/engaging-councillors.md")
        try edit(file, "title: Engaging councillors", "title: Working with councillors")
        try edit(file, "A number of councillors have been on relevant courses.", "Some councillors have taken relevant courses.")
        let diff = try StrategycRunner.run(["diff", old.path, root.path, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.count == 2)
        #expect(changes[0]["kind"] as? String == "renamed" && changes[0]["id"] as? String == "engaging-councillors")
        #expect(changes[0]["old"] as? String == "Engaging councillors" && changes[0]["new"] as? String == "Working with councillors")
        #expect(changes[1]["kind"] as? String == "reworded" && changes[1]["id"] as? String == "councillors-training")
        #expect(changes[1]["field"] as? String == "developing")
        #expect(changes[1]["old"] as? String == "A number of councillors have been on relevant courses.")
        #expect(changes[1]["new"] as? String == "Some councillors have taken relevant courses.")
        let markdown = try StrategycRunner.run(["diff", old.path, root.path])
        #expect(markdown.stdout.contains("Developing descriptor reworded."))
    }

    /// The headline's parts add up to its total, and to the changes listed: the edition's change is one of
    /// them (it once said "4 changes" and named three).
    @Test func theDiffHeadlineAddsUp() throws {
        let result = try StrategycRunner.run(["diff", "Editions/2018", "Strategy"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        let headline = try #require(lines.first { $0.contains(" changes: ") })
        #expect(headline.hasPrefix("98 changes: the edition changed from 2018 to 2022, 2 theme texts reworded, "), "\(headline)")
        let total = try #require(Int(headline.prefix { $0.isNumber }))
        let parts = headline.drop { $0 != ":" }.dropFirst().dropLast().components(separatedBy: ", ")
        let counted = parts.map { part in Int(part.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) ?? 1 }
        #expect(counted.reduce(0, +) == total, "\(parts)")
        #expect(lines.filter { $0.hasPrefix("- ") }.count == total)
    }

    @Test func diffAgainstGitHeadWorks() throws {
        let result = try StrategycRunner.run(["diff", "git:HEAD", "Strategy"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Changes in edition 2022\n"))
        let bad = try StrategycRunner.run(["diff", "git:no-such-revision", "Strategy"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("git archive failed"))
    }

    @Test func unreadablePreviousEditionIsADiagnostic() throws {
        let root = try copy()
        defer { cleanUp(root) }
        try edit(root.appendingPathComponent("strategy.md"), "edition: 2022", "edition: 2022\nprevious_edition: ../Nowhere")
        let result = try StrategycRunner.run(["build", root.path, "--out", root.deletingLastPathComponent().appendingPathComponent("site").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("strategy.md:5:19: error: previous edition '../Nowhere' cannot be read"), "\(result.stderr)")
        #expect(result.stderr.contains("[previous-edition-unavailable]"))
    }
}
