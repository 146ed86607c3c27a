@testable import StrategyCompiler
import Testing

/// The cmark wrapper: positions, safe HTML, and resistance to hostile input.
@Suite struct CommonMarkParserTests {
    @Test func headingsCarryLevelAndPosition() {
        let document = CommonMarkParser.parse("Intro\n\n### Title {#x}\n")
        let heading = document.children[1]
        #expect(heading.headingLevel == 3)
        #expect(heading.inlineText == "Title {#x}")
        #expect((heading.startLine, heading.startColumn) == (3, 1))
    }

    @Test func rawHTMLIsNotRendered() {
        let html = CommonMarkParser.renderHTML("<script>alert(1)</script>\n\nText <b onclick=x>bold</b>.")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dangerousLinksLoseTheirURL() {
        let html = CommonMarkParser.renderHTML("[x](javascript:alert(1)) [y](JAVASCRIPT:x) [z](https://ok.example)")
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains("href=\"https://ok.example\""))
    }

    /// Safe mode would write `<img src="">`, which is invalid HTML; such images become their alt text.
    @Test func dangerousImagesBecomeTheirDescription() {
        let html = CommonMarkParser.renderHTML("Look: ![a *chart*](javascript:alert(1)) and ![ok](data:image/png;base64,AA)")
        #expect(!html.contains("src=\"\""))
        #expect(html.contains("Look: a <em>chart</em> and"))
        #expect(html.contains("<img src=\"data:image/png;base64,AA\" alt=\"ok\" />"))
    }

    @Test func deeplyNestedInputDoesNotCrash() {
        let nested = String(repeating: "> ", count: 5_000) + "deep"
        let document = CommonMarkParser.parse(nested)
        #expect(document.children.count == 1)
        let lists = String(repeating: "- ", count: 3_000) + "item"
        #expect(!CommonMarkParser.renderHTML(lists).isEmpty)
    }

    @Test(arguments: [
        ("javascript:alert(1)", true), (" JavaScript:x", true), ("vbscript:x", true), ("file:///etc/passwd", true),
        ("data:text/html,x", true), ("data:image/png;base64,AA", false), ("https://example.org", false),
        ("mailto:a@example.org", false), ("relative/page.html", false),
    ])
    func urlSafety(url: String, dangerous: Bool) {
        #expect(URLSafety.isDangerous(url) == dangerous)
    }
}
