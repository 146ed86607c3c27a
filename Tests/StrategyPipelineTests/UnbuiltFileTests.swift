import Foundation
import TestSupport
import StrategyDiagnostics
import Testing

/// A file that cannot be read or built is there, only broken: no check that looks across files or editions
/// may take what it holds as gone or unknown. Before this was so, a key-area file renamed with a YAML slip
/// in it got `id-removed` with a fix-it that restored the old file over the editor's work. Each case breaks
/// one file and holds one cross-file check to it: the diagnostics are exactly the broken file's own, plus
/// one `ids-unchecked` note for each broken thing a check withheld its verdict for, and no fix-it writes a
/// whole file. Run in the test process: the previous edition is the copy as first made (`strategyc check
/// --since git:HEAD` in a repository, which `ContinuityTests` runs through the binary).
@Suite struct UnbuiltFileTests {
    private static let councillors = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
    private static let suppliers = "Strategy/key-areas/showing-leadership/engaging-strategic-suppliers.md"
    private static let partners = "Strategy/key-areas/showing-leadership/working-with-partners.md"
    private static let leadershipTheme = "Strategy/themes/showing-leadership.md"

    /// `code@file:line` for every diagnostic, in the order given, and every fix-it's line.
    private struct Outcome {
        var failed: Bool
        var diagnostics: [String]
        var fixItLines: [Int]
        var uncheckedMessages: [String]
    }

    /// `check` in the test process, as `strategyc check` (`--since` the copy's first state, `--variant`)
    /// from the copy's root.
    private func run(_ repo: ProjectCopy, sincePrevious: Bool = false, variant: String? = nil) throws -> Outcome {
        let diagnostics = try repo.check(sincePrevious: sincePrevious, variant: variant)
        return Outcome(
            failed: diagnostics.containsErrors,
            diagnostics: diagnostics.map { "\($0.code.rawValue)@\($0.range.start.path):\($0.range.start.line)" },
            fixItLines: diagnostics.flatMap { $0.fixIts.map(\.range.start.line) },
            uncheckedMessages: diagnostics.filter { $0.code == .idsUnchecked }.map(\.message))
    }

    /// The first line of `path` (1-based) that starts with `prefix`.
    private func line(_ repo: ProjectCopy, _ path: String, _ prefix: String) throws -> Int {
        try #require(try repo.read(path).components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    /// Breaks the front matter of `path`: its title line gains `: [`, which YAML cannot parse.
    private func breakYAML(_ repo: ProjectCopy, _ path: String) throws -> Int {
        let title = try line(repo, path, "title: ")
        var lines = try repo.read(path).components(separatedBy: "\n")
        lines[title - 1] += " :bad: ["
        try repo.write(path, lines.joined(separator: "\n"))
        return title
    }

    private let keyAreaMessage = "this key area could not be built, so the checks across files and editions left alone what it holds: no id is reported as gone or unknown because of it (ids kept since the previous edition, `replaced_by`, links, themes, a variant's references); fix its errors and check again"

    // MARK: - Continuity (ids kept since the previous edition)

    @Test func aRenamedFileThatDoesNotParseIsNotReportedAsDeleted() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let renamed = "Strategy/key-areas/showing-leadership/engaging-members.md"
        try repo.move(Self.councillors, to: renamed)
        let title = try breakYAML(repo, renamed)
        let outcome = try run(repo, sincePrevious: true)
        #expect(outcome.failed)
        #expect(outcome.diagnostics == ["ids-unchecked@\(renamed):0", "yaml-syntax@\(renamed):\(title)"])
        #expect(outcome.fixItLines == [])
        #expect(outcome.uncheckedMessages == [keyAreaMessage])
    }

    @Test func aFileThatDoesNotParseInPlaceIsNotReportedAsDeleted() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let title = try breakYAML(repo, Self.councillors)
        let outcome = try run(repo, sincePrevious: true)
        #expect(outcome.diagnostics == ["ids-unchecked@\(Self.councillors):0", "yaml-syntax@\(Self.councillors):\(title)"])
        #expect(outcome.fixItLines == [])
    }

    @Test func anUnreadableFileIsNotReportedAsDeleted() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try Data("---\nid: engaging-councillors\n\u{0}".utf8).write(to: repo.url(Self.councillors))
        let outcome = try run(repo, sincePrevious: true)
        #expect(outcome.failed)
        #expect(outcome.diagnostics == ["ids-unchecked@\(Self.councillors):0", "file-binary@\(Self.councillors):3"])
        #expect(outcome.fixItLines == [])
    }

    @Test func anIndicatorHeadingThatCannotBeBuiltIsNotReportedAsDeleted() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try repo.edit(Self.councillors, "{#councillors-champions}", "{#Councillors_Champions}")
        let heading = try line(repo, Self.councillors, "### Procurement and commercial champions")
        let outcome = try run(repo, sincePrevious: true)
        #expect(outcome.failed)
        // Its own error, with its own fix-it on its own line, and the note at the heading; nothing about a
        // deleted indicator.
        #expect(outcome.diagnostics == ["ids-unchecked@\(Self.councillors):\(heading)", "invalid-id@\(Self.councillors):\(heading)"])
        #expect(outcome.fixItLines == [heading])
        #expect(outcome.uncheckedMessages == ["this indicator could not be built, so the checks across files and editions left alone what it holds: no id is reported as gone or unknown because of it (ids kept since the previous edition, `replaced_by`, links, themes, a variant's references); fix its errors and check again"])
    }

    @Test func theKeyAreasOfAThemeThatDoesNotParseAreNeitherDeletedNorOfAnUnknownTheme() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let title = try breakYAML(repo, Self.leadershipTheme)
        let outcome = try run(repo, sincePrevious: true)
        #expect(outcome.failed)
        let leadership = try FileManager.default.contentsOfDirectory(
            atPath: repo.url("Strategy/key-areas/showing-leadership").path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(leadership.count == 4)
        // One note for the theme, one for each of its key areas (they have no theme to stand in), and the
        // theme's YAML error: no unknown-theme, no id-removed.
        #expect(outcome.diagnostics == leadership.map { "ids-unchecked@Strategy/key-areas/showing-leadership/\($0):0" }
            + ["ids-unchecked@\(Self.leadershipTheme):0", "yaml-syntax@\(Self.leadershipTheme):\(title)"])
        #expect(outcome.fixItLines == [])
    }

    // MARK: - References and links

    @Test func aReplacementInAFileThatDoesNotParseIsNotUnknown() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try repo.edit(Self.partners, "status: active\n",
                      "status: retired\nretired_in: 2022\nreplaced_by:\n  - engaging-strategic-suppliers\n")
        let title = try breakYAML(repo, Self.suppliers)
        let outcome = try run(repo)
        #expect(outcome.diagnostics == ["ids-unchecked@\(Self.suppliers):0", "yaml-syntax@\(Self.suppliers):\(title)"])
        #expect(outcome.fixItLines == [])
        // Guard: the same reference is reported once the file it names is truly gone.
        try FileManager.default.removeItem(at: repo.url(Self.suppliers))
        #expect(try run(repo).diagnostics.contains { $0.hasPrefix("unknown-reference@\(Self.partners):") })
    }

    @Test func aLinkToAPageThatDoesNotParseIsNotBroken() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        try repo.edit(Self.partners, "## Description\n\n",
                      "## Description\n\nSee [strategic suppliers](engaging-strategic-suppliers.html#maturity-engaging-strategic-suppliers). ")
        let title = try breakYAML(repo, Self.suppliers)
        let outcome = try run(repo)
        #expect(outcome.diagnostics == ["ids-unchecked@\(Self.suppliers):0", "yaml-syntax@\(Self.suppliers):\(title)"])
        #expect(outcome.fixItLines == [])
        try FileManager.default.removeItem(at: repo.url(Self.suppliers))
        #expect(try run(repo).diagnostics.contains { $0.hasPrefix("broken-link@\(Self.partners):") })
    }

    // MARK: - Duplicates

    @Test func aDuplicateInAFileThatDoesNotParseIsLeftForWhenItParses() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let copy = "Strategy/key-areas/showing-leadership/engaging-councillors-copy.md"
        try repo.write(copy, try repo.read(Self.councillors))
        // Parsed, the copy is a duplicate id and title; broken, only its own error is reported: no duplicate is
        // inferred from what it may hold, and nothing else was withheld because of it, so no note either.
        let duplicate = try run(repo)
        #expect(duplicate.diagnostics.contains("duplicate-id@\(copy):2"))
        let title = try breakYAML(repo, copy)
        let outcome = try run(repo)
        #expect(outcome.diagnostics == ["yaml-syntax@\(copy):\(title)"])
    }

    // MARK: - Variants

    @Test func aVariantsExclusionOfABaseFileThatDoesNotParseIsNotUnknown() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let title = try breakYAML(repo, Self.suppliers)
        let outcome = try run(repo, variant: "Variants/small-district")
        #expect(outcome.failed)
        #expect(outcome.diagnostics == ["ids-unchecked@\(Self.suppliers):0", "yaml-syntax@\(Self.suppliers):\(title)"])
        #expect(outcome.fixItLines == [])
    }

    @Test func aVariantsOverrideOfABaseFileThatDoesNotParseIsNotUnknown() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let talent = "Strategy/key-areas/enablers/developing-talent.md"
        let title = try breakYAML(repo, talent)
        let outcome = try run(repo, variant: "Variants/small-district")
        #expect(outcome.diagnostics == ["ids-unchecked@\(talent):0", "yaml-syntax@\(talent):\(title)"])
        #expect(outcome.fixItLines == [])
    }

    @Test func aPriorityOnALocalKeyAreaThatDoesNotParseIsNotUnknown() throws {
        let repo = try ProjectCopy(previous: true)
        defer { repo.remove() }
        let local = "Variants/greener-north/key-areas/greener-north-net-zero.md"
        let title = try breakYAML(repo, local)
        // The region's own priority on it, and the council's layer above it (riverside builds on the region).
        for variant in ["Variants/greener-north", "Variants/riverside"] {
            let outcome = try run(repo, variant: variant)
            #expect(outcome.failed)
            #expect(outcome.diagnostics == ["ids-unchecked@\(local):0", "yaml-syntax@\(local):\(title)"], "\(variant)")
            #expect(outcome.fixItLines == [])
        }
    }
}
