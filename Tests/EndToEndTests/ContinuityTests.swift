import Foundation
import Testing

/// `check --since` (and `previous_edition`) hold the strategy to its published ids: nothing silently
/// disappears, no id changes in place, no retired id comes back. Each fix-it offered is applied and must
/// make the check pass, so the fix-its are tested as much as the messages.
@Suite struct ContinuityTests {
    private let councillors = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
    private let partners = "Strategy/key-areas/showing-leadership/working-with-partners.md"

    /// The 1-based number of the first line of `path` that starts with `prefix`.
    private func line(_ repo: ScratchRepository, _ path: String, startingWith prefix: String) throws -> Int {
        let lines = try repo.read(path).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    private struct JSONDiagnostic {
        var code: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var fixIts: [(message: String, line: Int, replacement: String)]
    }

    private func diagnostics(_ result: StrategycRunner.Result) throws -> [JSONDiagnostic] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        return try #require(object["diagnostics"] as? [[String: Any]]).map { entry in
            JSONDiagnostic(
                code: entry["code"] as? String ?? "", file: entry["file"] as? String ?? "",
                line: entry["line"] as? Int ?? -1, column: entry["column"] as? Int ?? -1,
                message: entry["message"] as? String ?? "",
                fixIts: (entry["fixIts"] as? [[String: Any]] ?? []).map {
                    ($0["message"] as? String ?? "", $0["line"] as? Int ?? -1, $0["replacement"] as? String ?? "")
                })
        }
    }

    /// The "N indicators" of check's summary line.
    private func indicatorCount(_ summary: String) throws -> Int {
        let words = summary.components(separatedBy: " ")
        let index = try #require(words.firstIndex { $0.hasPrefix("indicators") })
        return try #require(Int(words[index - 1]))
    }

    /// Inserts `text` before line `line` (1-based) of a file, as an editor applies an insertion fix-it.
    private func insert(_ text: String, before line: Int, in path: String, of repo: ScratchRepository) throws {
        var lines = try repo.read(path).components(separatedBy: "\n")
        lines.insert(contentsOf: text.components(separatedBy: "\n").dropLast(), at: line - 1)
        try repo.write(path, lines.joined(separator: "\n"))
    }

    @Test func cleanStrategyPassesAndSaysWhatItWasHeldAgainst() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let result = try repo.run(["check", "--since", "git:HEAD"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("; no errors, 0 warnings ("), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" files); ids held against git:HEAD\n"), "\(result.stdout)")
    }

    @Test func deletedKeyAreaIsAnErrorWithFixItsThatWork() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try FileManager.default.removeItem(at: repo.url(partners))
        let text = try repo.run(["check", "--since", "git:HEAD"])
        #expect(text.status == 1)
        #expect(text.stderr.contains("""
            \(partners): error: key area 'working-with-partners' (Working with partners) of git:HEAD is gone; a published key area is never deleted: restore its file, or keep it with `status: retired` and `retired_in: 2022` [id-removed]
            git:HEAD:\(partners):2:5: note: it was defined here in git:HEAD
            \(partners):1:1: note: fix-it: restore key-areas/showing-leadership/working-with-partners.md as it was in git:HEAD
            \(partners):1:1: note: fix-it: restore it retired in 2022 (add `replaced_by:` if another key area takes its place)
            """), "\(text.stderr)")
        #expect(text.stderr.components(separatedBy: "[id-removed]").count - 1 == 1)

        let json = try diagnostics(try repo.run(["check", "--since", "git:HEAD", "--diagnostics-format", "json"]))
        let removed = try #require(json.first { $0.code == "id-removed" })
        #expect(removed.file == partners && removed.line == 0)
        try repo.write(partners, try #require(removed.fixIts.last).replacement)
        let fixed = try repo.run(["check", "--since", "git:HEAD"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains(", 1 retired; no errors"), "\(fixed.stdout)")
        #expect(try repo.read(partners).contains("status: retired\nretired_in: 2022\n"))
    }

    @Test func indicatorIdChangedInPlaceIsReportedAsSuch() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.edit(councillors, "{#councillors-champions}", "{#councillor-champions}")
        let heading = try line(repo, councillors, startingWith: "### Procurement and commercial champions")
        let column = "### Procurement and commercial champions {#".utf8.count + 1
        let result = try repo.run(["check", "--since", "git:HEAD"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(councillors):\(heading):\(column): error: indicator id changed from 'councillors-champions' to 'councillor-champions'; a published id never changes (returns and variants use it): keep 'councillors-champions', or retire it and add 'councillor-champions' as a new indicator [id-changed]
            git:HEAD:\(councillors):\(heading):\(column): note: 'councillors-champions' in git:HEAD
            \(councillors):\(heading):\(column): note: fix-it: restore the id 'councillors-champions'
            1 error and 0 warnings generated.

            """)
    }

    @Test func deletedIndicatorCanBeKeptRetiredByItsFixIt() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let before = try indicatorCount(try repo.run(["check"]).stdout)
        let start = try line(repo, councillors, startingWith: "### Procurement and commercial champions")
        var lines = try repo.read(councillors).components(separatedBy: "\n")
        let end = lines[start...].firstIndex { $0.hasPrefix("### ") } ?? lines.count
        lines.removeSubrange((start - 1)..<end)
        try repo.write(councillors, lines.joined(separator: "\n"))
        let result = try repo.run(["check", "--since", "git:HEAD", "--diagnostics-format", "json"])
        #expect(result.status == 1)
        let json = try diagnostics(result)
        #expect(json.map(\.code) == ["id-removed"])
        let removed = try #require(json.first)
        // Reported where it used to sit: where the indicator that followed it now starts.
        #expect(removed.file == councillors && removed.line == start && removed.column == 1)
        #expect(removed.message == "indicator 'councillors-champions' (Procurement and commercial champions) of git:HEAD is gone from key area 'engaging-councillors'; a published indicator is never deleted: restore it, or keep it with `retired_in=2022`")
        #expect(removed.fixIts.map(\.message) == [
            "restore the indicator as it was in git:HEAD",
            "keep it, retired in 2022 (add `replaced_by=ID` if another indicator takes its place)",
        ])
        let retire = try #require(removed.fixIts.last)
        #expect(retire.replacement.hasPrefix("### Procurement and commercial champions {#councillors-champions retired_in=2022}\n"))
        try insert(retire.replacement, before: retire.line, in: councillors, of: repo)
        let fixed = try repo.run(["check", "--since", "git:HEAD"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        // The retired indicator is kept in the sources but no longer counted as published.
        #expect(try indicatorCount(fixed.stdout) == before - 1, "\(fixed.stdout)")
    }

    @Test func retiredIdUsedAgainIsAnError() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.edit(partners, "status: active", "status: retired\nretired_in: 2022")
        try repo.shell(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "retire"])
        try repo.edit(partners, "status: retired\nretired_in: 2022", "status: active")
        let result = try repo.run(["check", "--since", "git:HEAD"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(partners):2:5: error: key area id 'working-with-partners' was retired in edition 2022 and is used again; a retired id is never reused, so that old links and returns cannot be mistaken for it: give this a new id [retired-id-reused]
            git:HEAD:\(partners):2:5: note: retired in git:HEAD here
            1 error and 0 warnings generated.

            """)
    }

    /// `previous_edition` in strategy.md is used without `--since`; one that cannot be read is reported
    /// at its value, by `check` as by `build`.
    @Test func previousEditionIsResolvedByCheck() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.edit("Strategy/strategy.md", "published: 2022-08-01\n", "published: 2022-08-01\nprevious_edition: git:no-such-revision\n")
        let line = try self.line(repo, "Strategy/strategy.md", startingWith: "previous_edition:")
        let result = try repo.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Strategy/strategy.md:\(line):19: error: previous edition 'git:no-such-revision' cannot be read: git archive failed:"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("[previous-edition-unavailable]\n1 error and 0 warnings generated.\n"))
        try repo.edit("Strategy/strategy.md", "git:no-such-revision", "git:HEAD")
        let good = try repo.run(["check"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasSuffix("ids held against git:HEAD\n"))
    }

    /// Everything that would stop `build` stops `check`: here a template naming a field no page has.
    @Test func checkFindsTemplateProblems() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.edit("Templates/partials/footer.mustache", "{{edition}}", "{{editon}}")
        let footer = try repo.read("Templates/partials/footer.mustache").components(separatedBy: "\n")
        let row = try #require(footer.firstIndex { $0.contains("{{editon}}") })
        let column = try #require(footer[row].range(of: "{{editon}}")).lowerBound.utf16Offset(in: footer[row]) + 1
        let check = try repo.run(["check"])
        #expect(check.status == 1)
        #expect(check.stderr == "Templates/partials/footer.mustache:\(row + 1):\(column): error: template 'partials/footer' uses `editon`, which no page provides, so it would print nothing; did you mean `edition`? [template-unknown-field]\n1 error and 0 warnings generated.\n")
        let build = try repo.run(["build"])
        #expect(build.status == 1)
        #expect(build.stderr == check.stderr)
        #expect(!FileManager.default.fileExists(atPath: repo.url("_site").path))
    }
}
