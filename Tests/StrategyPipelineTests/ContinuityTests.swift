import Foundation
import TestSupport
import StrategyDiagnostics
import StrategyPipeline
import Testing

/// `check --since git:HEAD` holds the strategy to its published ids: nothing silently disappears, no id
/// changes in place, no retired id comes back. Each fix-it offered is applied and must make the check pass,
/// so the fix-its are tested as much as the messages. In the test process, on a copy of the project that is
/// a git repository (the request names it, as a server would); `EndToEndTests.ContinuityTests` keeps what
/// the command line says (the summary line, `previous_edition` resolved by `check`).
@Suite struct ContinuityTests {
    private let councillors = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
    private let partners = "Strategy/key-areas/showing-leadership/working-with-partners.md"

    /// The 1-based number of the first line of `path` that starts with `prefix`.
    private func line(_ repo: ProjectCopy, _ path: String, startingWith prefix: String) throws -> Int {
        let lines = try repo.read(path).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    /// Inserts `text` before line `line` (1-based) of a file, as an editor applies an insertion fix-it.
    private func insert(_ text: String, before line: Int, in path: String, of repo: ProjectCopy) throws {
        var lines = try repo.read(path).components(separatedBy: "\n")
        lines.insert(contentsOf: text.components(separatedBy: "\n").dropLast(), at: line - 1)
        try repo.write(path, lines.joined(separator: "\n"))
    }

    @Test func deletedKeyAreaIsAnErrorWithFixItsThatWork() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        try FileManager.default.removeItem(at: repo.url(partners))
        let diagnostics = try repo.check(since: "git:HEAD")
        #expect(diagnostics.containsErrors)
        #expect(DiagnosticFormat.text.render(diagnostics).contains("""
            \(partners): error: key area 'working-with-partners' (Working with partners) of git:HEAD is gone; a published key area is never deleted: restore its file, or keep it with `status: retired` and `retired_in: 2022` [id-removed]
            git:HEAD:\(partners):2:5: note: it was defined here in git:HEAD
            \(partners):1:1: note: fix-it: restore key-areas/showing-leadership/working-with-partners.md as it was in git:HEAD
            \(partners):1:1: note: fix-it: restore it retired in 2022 (add `replaced_by:` if another key area takes its place)
            """), "\(diagnostics)")
        let removed = diagnostics.filter { $0.code == .idRemoved }
        #expect(removed.count == 1)
        let gone = try #require(removed.first)
        #expect(gone.range.path == partners && gone.range.start.line == 0)
        try repo.write(partners, try #require(gone.fixIts.last).replacement)
        let fixed = try repo.publish(.check, since: "git:HEAD")
        #expect(!fixed.diagnostics.containsErrors, "\(fixed.diagnostics)")
        #expect(PublicationSummary(try #require(fixed.outcome).publication).retiredKeyAreas == 1)
        #expect(try repo.read(partners).contains("status: retired\nretired_in: 2022\n"))
    }

    @Test func indicatorIdChangedInPlaceIsReportedAsSuch() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        try repo.edit(councillors, "{#councillors-champions}", "{#councillor-champions}")
        let heading = try line(repo, councillors, startingWith: "### Procurement and commercial champions")
        let column = "### Procurement and commercial champions {#".utf8.count + 1
        let diagnostics = try repo.check(since: "git:HEAD")
        #expect(diagnostics.containsErrors)
        #expect(DiagnosticFormat.text.render(diagnostics) == """
            \(councillors):\(heading):\(column): error: indicator id changed from 'councillors-champions' to 'councillor-champions'; a published id never changes (returns and variants use it): keep 'councillors-champions', or retire it and add 'councillor-champions' as a new indicator [id-changed]
            git:HEAD:\(councillors):\(heading):\(column): note: 'councillors-champions' in git:HEAD
            \(councillors):\(heading):\(column): note: fix-it: restore the id 'councillors-champions'
            1 error and 0 warnings generated.

            """)
    }

    @Test func deletedIndicatorCanBeKeptRetiredByItsFixIt() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = PublicationSummary(try #require(try repo.publish(.check).outcome).publication).indicators
        let start = try line(repo, councillors, startingWith: "### Procurement and commercial champions")
        var lines = try repo.read(councillors).components(separatedBy: "\n")
        let end = lines[start...].firstIndex { $0.hasPrefix("### ") } ?? lines.count
        lines.removeSubrange((start - 1)..<end)
        try repo.write(councillors, lines.joined(separator: "\n"))
        let diagnostics = try repo.check(since: "git:HEAD")
        #expect(diagnostics.map(\.code) == [.idRemoved])
        let removed = try #require(diagnostics.first)
        // Reported where it used to sit: where the indicator that followed it now starts.
        #expect(removed.range.path == councillors && removed.range.start.line == start && removed.range.start.column == 1)
        #expect(removed.message == "indicator 'councillors-champions' (Procurement and commercial champions) of git:HEAD is gone from key area 'engaging-councillors'; a published indicator is never deleted: restore it, or keep it with `retired_in=2022`")
        #expect(removed.fixIts.map(\.message) == [
            "restore the indicator as it was in git:HEAD",
            "keep it, retired in 2022 (add `replaced_by=ID` if another indicator takes its place)",
        ])
        let retire = try #require(removed.fixIts.last)
        #expect(retire.replacement.hasPrefix("### Procurement and commercial champions {#councillors-champions retired_in=2022}\n"))
        try insert(retire.replacement, before: retire.range.start.line, in: councillors, of: repo)
        let fixed = try repo.publish(.check, since: "git:HEAD")
        #expect(!fixed.diagnostics.containsErrors, "\(fixed.diagnostics)")
        // The retired indicator is kept in the sources but no longer counted as published.
        #expect(PublicationSummary(try #require(fixed.outcome).publication).indicators == before - 1)
    }

    @Test func retiredIdUsedAgainIsAnError() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        try repo.edit(partners, "status: active", "status: retired\nretired_in: 2022")
        try repo.commit("retire")
        try repo.edit(partners, "status: retired\nretired_in: 2022", "status: active")
        let diagnostics = try repo.check(since: "git:HEAD")
        #expect(diagnostics.containsErrors)
        #expect(DiagnosticFormat.text.render(diagnostics) == """
            \(partners):2:5: error: key area id 'working-with-partners' was retired in edition 2022 and is used again; a retired id is never reused, so that old links and returns cannot be mistaken for it: give this a new id [retired-id-reused]
            git:HEAD:\(partners):2:5: note: retired in git:HEAD here
            1 error and 0 warnings generated.

            """)
    }

    /// Everything that would stop `build` stops `check`: here a template naming a field no page has.
    @Test func checkFindsTemplateProblems() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit("Templates/partials/footer.mustache", "{{edition}}", "{{editon}}")
        let footer = try repo.read("Templates/partials/footer.mustache").components(separatedBy: "\n")
        let row = try #require(footer.firstIndex { $0.contains("{{editon}}") })
        let column = try #require(footer[row].range(of: "{{editon}}")).lowerBound.utf16Offset(in: footer[row]) + 1
        let check = DiagnosticFormat.text.render(try repo.check())
        #expect(check == "Templates/partials/footer.mustache:\(row + 1):\(column): error: template 'partials/footer' uses `editon`, which no page provides, so it would print nothing; did you mean `edition`? [template-unknown-field]\n1 error and 0 warnings generated.\n")
        let build = try repo.publish(.build)
        #expect(DiagnosticFormat.text.render(build.diagnostics) == check)
        #expect(build.outcome?.written != true)
        #expect(!FileManager.default.fileExists(atPath: repo.url("_site").path))
    }
}
