import Foundation
import TestSupport
import StrategyDiagnostics
import Testing

/// Common editing mistakes, made as an editor makes them on a copy of the real strategy, and the exact
/// diagnostics `check` prints: how many, which code, which line and column, which fix-it. Line numbers
/// are found in the edited file, so the tests follow the content as it is reworded. Run in the test process
/// (`ProjectCopy.check` performs the action `strategyc check` does), in the format `check` writes.
@Suite struct EditorDiagnosticsTests {
    private let councillors = "Strategy/key-areas/showing-leadership/engaging-councillors.md"

    private func line(_ repo: ProjectCopy, _ path: String, _ prefix: String) throws -> Int {
        try #require(try repo.read(path).components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    private func check(_ repo: ProjectCopy, format: DiagnosticFormat = .text) throws -> ProjectCopy.CheckedText {
        try repo.checkText(format: format)
    }

    @Test func sectionHeadingOneLevelTooHighIsOneErrorWithAFixIt() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillors, "\n## Indicators\n", "\n# Indicators\n")
        let at = try line(repo, councillors, "# Indicators")
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(councillors):\(at):1: error: `# Indicators` is a section, so it takes 2 `#`: write `## Indicators` [wrong-heading-level]
            \(councillors):\(at):1: note: fix-it: write `##`
            1 error and 0 warnings generated.

            """)
    }

    @Test func levelAndIndicatorHeadingsAtTheWrongDepthAreOneErrorEach() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let text = try repo.read(councillors)
        let mature = try #require(text.range(of: "\n#### Mature\n"))
        try repo.write(councillors, text.replacingCharacters(in: mature, with: "\n##### Mature\n"))
        try repo.edit(councillors, "### Procurement and commercial champions {#", "## Procurement and commercial champions {#")
        let level = try line(repo, councillors, "##### Mature")
        let indicator = try line(repo, councillors, "## Procurement and commercial champions")
        let result = try check(repo)
        #expect(result.stderr == """
            \(councillors):\(level):1: error: `##### Mature` is a maturity level, so it takes 4 `#`: write `#### Mature` [wrong-heading-level]
            \(councillors):\(level):1: note: fix-it: write `####`
            \(councillors):\(indicator):1: error: `## Procurement and commercial champions {#councillors-champions}` is an indicator, so it takes 3 `#`: write `### Procurement and commercial champions {#councillors-champions}` [wrong-heading-level]
            \(councillors):\(indicator):1: note: fix-it: write `###`
            2 errors and 0 warnings generated.

            """)
    }

    @Test func missingIndicatorIdGetsTheSlugOfItsTitleOrItsBraceRepaired() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillors, "{#councillors-champions}", "")
        let at = try line(repo, councillors, "### Procurement and commercial champions")
        let heading = "### Procurement and commercial champions"
        let missing = try check(repo)
        #expect(missing.stderr == """
            \(councillors):\(at):1: error: indicator 'Procurement and commercial champions' has no id; add one at the end of the heading, such as `{#procurement-and-commercial-champions}` (made from its title) [missing-indicator-id]
            \(councillors):\(at):\(heading.utf8.count + 1): note: fix-it: add an id made from the title: `{#procurement-and-commercial-champions}`
            1 error and 0 warnings generated.

            """)
        try repo.edit(councillors, heading + " \n", heading + " {councillors-champions}\n")
        let brace = try check(repo)
        #expect(brace.stderr == """
            \(councillors):\(at):1: error: indicator heading's id `{councillors-champions}` has no `#`; write `{#councillors-champions}` [missing-indicator-id]
            \(councillors):\(at):\(heading.utf8.count + 2): note: fix-it: add the `#`: `{#councillors-champions}`
            1 error and 0 warnings generated.

            """, "\(brace.stderr)")
    }

    @Test func fileNamedUnlikeItsIdSaysToRenameTheFile() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let renamed = "Strategy/key-areas/showing-leadership/councillors.md"
        try FileManager.default.moveItem(at: repo.url(councillors), to: repo.url(renamed))
        let result = try check(repo)
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(renamed):2:5: warning: file 'councillors.md' holds key area 'engaging-councillors'; rename the file to 'engaging-councillors.md' and keep the id (published links, returns and variants use the id, not the file name) [file-name-mismatch]
            \(renamed):2:5: note: to rename it: git mv \(renamed) \(councillors)
            0 errors and 1 warning generated.

            """)
    }

    @Test func duplicateOrderPointsAtTheDuplicate() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let partners = "Strategy/key-areas/showing-leadership/working-with-partners.md"
        try repo.edit(partners, "order: 3", "order: 2")
        let result = try check(repo)
        // Engaging senior managers and Working with partners now share 2; by id, working-with-partners is second.
        #expect(result.stderr == """
            \(partners):5:8: warning: 'Working with partners' has the same order (2) as 'Engaging senior managers' among the key areas of 'Showing leadership'; give each its own [duplicate-order]
            Strategy/key-areas/showing-leadership/engaging-senior-managers.md:5:8: note: order 2 is first used by 'Engaging senior managers' here
            \(partners):5:8: note: fix-it: use 5, an order no sibling has
            0 errors and 1 warning generated.

            """)
    }

    @Test func yamlErrorsAreInPlainWords() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillors, "title: Engaging councillors", "title: \"Engaging councillors")
        let result = try check(repo)
        #expect(result.status == 1)
        let lines = result.stderr.components(separatedBy: "\n")
        // At the quote that is never closed, not at the end of the front matter where the parser gave up.
        #expect(lines[0] == "\(councillors):3:8: error: a quoted text is never closed; end it with the same quote mark it starts with [yaml-syntax]", "\(result.stderr)")
        #expect(lines[1] == "\(councillors):7:12: note: the YAML parser says: found unexpected end of stream, while scanning a quoted scalar")
    }

    /// `order 1` (no colon) is the slip on its own line; libyaml only notices it on the next one.
    @Test func aKeyWithoutItsColonIsReportedOnItsOwnLine() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillors, "\norder: 1\n", "\norder 1\n")
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("""
            \(councillors):5:1: error: a line has no `:` after its key; write `key: value` [yaml-syntax]
            \(councillors):6:1: note: the YAML parser says: could not find expected ':', while scanning a simple key

            """), "\(result.stderr)")
    }

    /// An unclosed `[` is reported where it opens.
    @Test func anUnclosedListIsReportedWhereItOpens() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillors, "title: Engaging councillors", "title: [Engaging councillors")
        let result = try check(repo)
        #expect(result.stderr.hasPrefix("\(councillors):3:8: error: a list opened with `[` is never closed"), "\(result.stderr)")
    }

    @Test func unquotedHashCutsAValueAndTheFixItQuotesIt() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillors, "title: Engaging councillors", "title: Engaging councillors #1 priority")
        let result = try check(repo)
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(councillors):3:8: warning: `title` is read as 'Engaging councillors': YAML takes ` #` and what follows as a comment; quote the value to keep all of it [value-cut-by-comment]
            \(councillors):3:8: note: fix-it: quote the value: "Engaging councillors #1 priority"
            0 errors and 1 warning generated.

            """)
    }

    @Test func tableInADescriptorAndLinksToNowhereAreErrors() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let text = try repo.read(councillors)
        let minimum = try #require(text.range(of: "#### Minimum\n\n"))
        try repo.write(councillors, text.replacingCharacters(
            in: minimum, with: "#### Minimum\n\n| who | what |\n|---|---|\n| all | briefing |\n\nSee [the suppliers page](engaging-strategic-suppliers.md) and [this](#no-such-row).\n\n"))
        let table = try line(repo, councillors, "| who | what |")
        let link = try line(repo, councillors, "See [the suppliers page]")
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(councillors):\(table):1: error: a table cannot be published here (each descriptor is one cell of the maturity table, and help text sits beside it); write a list instead [unsupported-markdown]
            \(councillors):\(link):26: error: link 'engaging-strategic-suppliers.md' points at a source file, which is not published; link to its page 'engaging-strategic-suppliers.html' [broken-link]
            \(councillors):\(link):26: note: fix-it: link to 'engaging-strategic-suppliers.html'
            \(councillors):\(link):70: error: link '#no-such-row' names '#no-such-row', which no published page has [broken-link]
            3 errors and 0 warnings generated.

            """, "\(result.stderr)")
    }

    @Test func utf16FileIsNamedAsSuchWithAFixItToConvert() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let text = try repo.read(councillors)
        try #require(text.data(using: .utf16LittleEndian)).write(to: repo.url(councillors))
        let result = try check(repo, format: .json)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let first = try #require(diagnostics.first)
        #expect(first["code"] as? String == "file-not-utf8")
        #expect(first["message"] as? String == "file is UTF-16 (little-endian) text; save it as UTF-8")
        #expect(first["line"] as? Int == 1 && first["column"] as? Int == 1)
        let fixIt = try #require((first["fixIts"] as? [[String: Any]])?.first)
        #expect(fixIt["replacement"] as? String == text)
    }

    @Test func sameTitleForTwoKeyAreasIsAWarning() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let partners = "Strategy/key-areas/showing-leadership/working-with-partners.md"
        try repo.edit(partners, "title: Working with partners", "title: Engaging councillors")
        let result = try check(repo)
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(partners):3:8: warning: key area 'working-with-partners' has the same title as 'engaging-councillors' ('Engaging councillors'); readers tell them apart by title, so give each its own [duplicate-key-area-title]
            \(councillors):3:8: note: 'engaging-councillors' has this title
            0 errors and 1 warning generated.

            """)
    }
}
