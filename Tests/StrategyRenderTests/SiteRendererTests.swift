import Foundation
import StrategyCompiler
import StrategyModel
@testable import StrategyRender
import Testing

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
    }

    @Test func contentHashIsSHA256() {
        #expect(ContentHash(modelJSON: Data("abc".utf8)).hex
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
