import Foundation
import StrategyCompiler
import StrategyModel
@testable import StrategyRender
import Testing
import StrategyDiagnostics

/// The site and toolkit rendered from the small fixture with the real templates.
@Suite struct SiteRendererTests {
    @Test(arguments: ["index.html", "key-areas/councillors.html", "key-areas/data.html", "toolkit.md"])
    func matchesGolden(_ path: String) throws {
        let site = try RenderSupport.site(try RenderSupport.model())
        let actual = try #require(site[path])
        #expect(try RenderSupport.matchesSnapshot(actual, named: "site/\(path)"),
                "\(path) differs from Snapshots/site/\(path) (re-record with STRATEGYC_RECORD=1):\n\(actual)")
    }

    @Test func publishesActiveKeyAreasOnly() throws {
        let site = try RenderSupport.site(try RenderSupport.model())
        #expect(Set(site.keys) == ["index.html", "key-areas/councillors.html", "key-areas/data.html", "toolkit.md",
                                   "model.json", "assets/style.css"])
        let index = try #require(site["index.html"])
        #expect(index.contains("Retired indices"))
        #expect(index.contains("<strong>An old practice</strong> (People), introduced in 2018, retired in 2024."))
        #expect(!(try #require(site["toolkit.md"])).contains("Old indicator"))
    }

    @Test func renderingIsDeterministic() throws {
        let strategy = try RenderSupport.model()
        #expect(try RenderSupport.site(strategy) == RenderSupport.site(strategy))
    }

    @Test func footerCarriesEditionAndHashOfModelJSON() throws {
        let site = try RenderSupport.site(try RenderSupport.model())
        let hash = ContentHash(modelJSON: Data(try #require(site["model.json"]).utf8))
        for page in ["index.html", "key-areas/councillors.html"] {
            #expect(try #require(site[page]).contains(">\(hash.short)</code>"))
            #expect(try #require(site[page]).contains("edition 2024"))
        }
        #expect(try #require(site["toolkit.md"]).contains(hash.hex))
    }

    @Test func templatedValuesAreEscapedAndMarkdownIsSafe() throws {
        var strategy = try RenderSupport.model()
        strategy.themes[0].keyAreas[0].title = "Risky <script>alert(1)</script> & co"
        let site = try RenderSupport.site(strategy)
        let page = try #require(site["key-areas/councillors.html"])
        #expect(page.contains("Risky &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        #expect(!page.contains("<script"))
    }

    @Test func toolkitCellsAreOneLineAndEscaped() {
        #expect(ToolkitMarkdownView.cell("a | b\n\n• one\n• *two*") == "a \\| b<br>• one<br>• \\*two\\*")
        // Lines are trimmed of tabs and Unicode spaces (not of other characters), and a line of spaces alone
        // stays as an empty line between breaks.
        #expect(ToolkitMarkdownView.cell("\u{00A0}\tfirst #1\u{2003}\n   \nlast_") == "first \\#1<br><br>last\\_")
        #expect(ToolkitMarkdownView.cell("é\u{301} [x]\n\n\n") == "é\u{301} \\[x\\]")
        #expect(ToolkitMarkdownView.cell("") == "" && ToolkitMarkdownView.cell("\n \n") == "")
    }

    /// A theme longer than `SiteNavigation.listingLimit` is not listed on every page (that would make the
    /// site grow with the square of the strategy); its link says how many it has, and is marked on its
    /// own pages. A theme at the limit is still listed in full.
    @Test(arguments: [SiteNavigation.listingLimit, SiteNavigation.listingLimit + 1])
    func longThemesAreNotListedOnEveryPage(_ count: Int) throws {
        var strategy = try RenderSupport.model()
        let people = try #require(strategy.themes.firstIndex { $0.id == "people" })
        let template = strategy.themes[people].keyAreas[0]
        strategy.themes[people].keyAreas = (1...count).map { number in
            var area = template
            area.id = "area-\(number)"
            area.title = "Area \(number)"
            return area
        }
        let site = try RenderSupport.site(strategy)
        #expect(site.keys.filter { $0.hasPrefix("key-areas/area-") }.count == count)
        let own = try #require(site["key-areas/area-7.html"])
        let other = try #require(site["key-areas/data.html"])
        let listed = #"<li><a href="../key-areas/area-7.html" aria-current="page">Area 7</a></li>"#
        let countLine = #"<p class="contents__count">\#(count) key areas, listed on the <a href="../index.html#theme-people">home page</a></p>"#
        let markedTheme = #"<a class="contents__theme" href="../index.html#theme-people" aria-current="true">People</a>"#
        if count == SiteNavigation.listingLimit {
            #expect(own.contains(listed) && !own.contains("contents__count") && !own.contains(markedTheme))
            #expect(other.contains(#"<li><a href="../key-areas/area-50.html">Area 50</a></li>"#))
        } else {
            #expect(!own.contains("area-40.html") && own.contains(countLine) && own.contains(markedTheme))
            #expect(!other.contains("area-40.html") && other.contains(countLine) && !other.contains(markedTheme))
            // The small theme is still listed in full, with its page marked.
            #expect(other.contains(#"<li><a href="../key-areas/data.html" aria-current="page">Using data</a></li>"#))
        }
    }

    @Test func contentHashIsSHA256() {
        #expect(ContentHash(modelJSON: Data("abc".utf8)).hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

/// The edition diff as release notes, as JSON and as the site's "What changed" page.
@Suite struct DiffRenderingTests {
    private func diff() throws -> (EditionDiff, Strategy) {
        let fixtures = RenderSupport.packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures")
        let old = try RenderSupport.model(fixtures.appendingPathComponent("edition-2018"))
        let new = try RenderSupport.model(fixtures.appendingPathComponent("edition-2022"))
        return (EditionDiff(from: old, to: new), new)
    }

    @Test func markdownReleaseNotesMatchGolden() throws {
        let markdown = DiffRenderer().markdown(try diff().0)
        #expect(try RenderSupport.matchesSnapshot(markdown, named: "diff-2018-2022.md"), "\(markdown)")
    }

    @Test func jsonMatchesGolden() throws {
        let json = String(decoding: DiffRenderer().json(try diff().0), as: UTF8.self)
        #expect(try RenderSupport.matchesSnapshot(json, named: "diff-2018-2022.json"), "\(json)")
    }

    @Test func changesPageMatchesGolden() throws {
        let (changes, strategy) = try diff()
        let renderDiagnostics = DiagnosticCollector()
        let files = SiteRenderer(templates: try RenderSupport.templateSet(), stamp: RenderSupport.stamp(strategy))
            .render(PublishedStrategy(strategy), changes: changes, reportingTo: renderDiagnostics)
        #expect(renderDiagnostics.diagnostics.isEmpty)
        let page = try #require(files.first { $0.path == "changes.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("<p class=\"changes__text\">Councillor involvement improves some projects.</p>"))
        #expect(try RenderSupport.matchesSnapshot(html, named: "site/changes.html"), "\(html)")
        let index = String(decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        #expect(index.contains("<a href=\"changes.html\">what changed since 2018</a>"))
    }

    @Test func noChangesPageWithoutPreviousEdition() throws {
        let files = try RenderSupport.site(try RenderSupport.model())
        #expect(!files.keys.contains("changes.html"))
    }
}
