import Foundation
import StrategyModel
import Testing
@testable import StrategyServer
import StrategyDiagnostics

@Suite struct PreviewPagesTests {
    private let page = Data("<!DOCTYPE html>\n<html>\n<head>\n<title>T</title>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n".utf8)

    @Test func aGoodBuildGetsTheReloadScriptAndNoBanner() {
        let served = String(decoding: PreviewPages.inject(into: page, generation: 7, failedBuild: nil), as: UTF8.self)
        #expect(served == "<!DOCTYPE html>\n<html>\n<head>\n<title>T</title>\n"
            + "<script src=\"/_strategyc/reload.js\" data-generation=\"7\" defer></script>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n")
    }

    @Test func aFailedBuildAddsTheBannerRightAfterBody() {
        let served = String(decoding: PreviewPages.inject(into: page, generation: 3, failedBuild: (2, 1)), as: UTF8.self)
        #expect(served.contains("<body>\n<div id=\"strategyc-preview-banner\" role=\"alert\""))
        #expect(served.contains("<strong>The sources have 2 errors and 1 warning.</strong>"))
        #expect(served.contains("href=\"/_strategyc/diagnostics\""))
        #expect(served.hasSuffix("</div>\n<p>x</p>\n</body>\n</html>\n"))
    }

    @Test func diagnosticsAreEscapedAndLinkedToTheirLine() {
        let diagnostic = Diagnostic(.unknownTheme, "unknown theme '<script>alert(1)</script>'",
                                    at: SourceRange(at: SourceLocation(path: "Strategy/key-areas/a&b.md", line: 4, column: 8)))
        let html = PreviewPages.diagnosticsPage([diagnostic], succeeded: false, hasSite: true, generation: 2,
                                                sourceNumber: { $0 == "Strategy/key-areas/a&b.md" ? 0 : nil })
        #expect(html.contains("<li class=\"error\"><a href=\"/_strategyc/source/0#L4\"><code>Strategy/key-areas/a&amp;b.md:4:8</code></a>: "
            + "<strong>error</strong>: unknown theme &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; <code>[unknown-theme]</code></li>"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("The latest build failed with 1 error. The preview shows the last good build until they are fixed."))
    }

    @Test func theSourceViewPutsTheCaretUnderTheColumnInCharacters() {
        let diagnostic = Diagnostic(.unknownTheme, "bad", at: SourceRange(at: SourceLocation(path: "f.md", line: 2, column: 8)))
        // "é" is two UTF-8 bytes: byte column 8 is the sixth character.
        let html = PreviewPages.sourcePage(path: "f.md", text: "---\nt: éé x\n", diagnostics: [diagnostic], generation: 1)
        #expect(html.contains("<tr id=\"L2\" class=\"diagnosed\"><th scope=\"row\">2</th><td><code><mark>t: éé x</mark></code>"
            + "<div class=\"message\"><code>     ^</code> error: bad [unknown-theme]</div></td></tr>"))
        #expect(html.contains("<tr id=\"L1\"><th scope=\"row\">1</th><td><code>---</code></td></tr>"))
    }
}
