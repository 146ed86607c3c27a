import Foundation
@testable import StrategyCompiler
import Testing

/// The rules a variant's branding is held to: WCAG contrast for the accent colour, and an SVG logo that
/// can do nothing but be drawn.
@Suite struct BrandingTests {
    /// The WCAG threshold grey: #767676 is the lightest grey that white text passes on (4.54:1), #777777 fails.
    @Test func contrastFollowsWCAG() throws {
        let passing = try #require(Colour(hex: "767676")), failing = try #require(Colour(hex: "777777"))
        #expect(abs(passing.contrast(with: .white) - 4.54) < 0.01)
        #expect(failing.contrast(with: .white) < 4.5)
        #expect(try #require(Colour(hex: "000000")).contrast(with: .white) == 21)
        #expect(Colour(hex: "12345") == nil && Colour(hex: "gg0000") == nil && Colour(hex: "#123456") == nil)
    }

    /// The suggested shade keeps the hue, passes, and is the lightest such step.
    @Test func darkenedShadePassesJustEnough() throws {
        let pale = try #require(Colour(hex: "7fbf7f"))
        let darker = pale.darkened(toContrast: 4.5)
        #expect(darker.contrast(with: .white) >= 4.5)
        #expect(darker.hex == "557f55")
        #expect(BrandingReader.ratio(4.49) == "4.4", "a ratio is never rounded up past the threshold")
    }

    @Test func aPlainLogoIsAccepted() throws {
        let logo = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Variants/greener-north/logo.svg"))
        #expect(SVGSafety.problems(in: logo) == [])
        let selfContained = ##"<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect style="fill: url(#g)"/><use href="#g"/></svg>"##
        #expect(SVGSafety.problems(in: Data(selfContained.utf8)) == [])
    }

    @Test(arguments: [
        (##"<svg><script>alert(1)</script></svg>"##, "it has a <script> element, which can run code or load another document"),
        (##"<svg><rect onclick="x()"/></svg>"##, "<rect> has an event handler (onclick), which runs script"),
        (##"<svg><image href="https://example.com/a.png"/></svg>"##, ##"<image> refers outside the file (href="https://example.com/a.png"); only #ids inside it are allowed"##),
        (##"<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="other.svg#a"/></svg>"##, ##"<use> refers outside the file (xlink:href="other.svg#a"); only #ids inside it are allowed"##),
        (##"<svg><image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>"##, ##"<image> refers outside the file (href="data:image/svg+xml;base64,PHN2Zy8+"); only #ids inside it are allowed"##),
        (##"<svg><foreignObject><div/></foreignObject></svg>"##, "it has a <foreignObject> element, which can run code or load another document"),
        (##"<svg><rect style="fill: url(https://e.com/p)"/></svg>"##, "<rect> has a style that loads from outside the file (url(https://e.com/p))"),
        (##"<svg><style>@import "x.css";</style></svg>"##, "its <style> loads from outside the file (@import)"),
        (##"<svg><a href="javascript:alert(1)"><text>x</text></a></svg>"##, ##"<a> refers outside the file (href="javascript:alert(1)"); only #ids inside it are allowed"##),
        (##"<svg><set attributeName="href" to="javascript:x"/></svg>"##, "<set> animates a link, which can turn it into a script"),
        (##"<svg><animate attributeName="xlink:href" values="#a"/></svg>"##, "<animate> animates a link, which can turn it into a script"),
        (##"<?xml-stylesheet href="a.css"?><svg/>"##, "it links a stylesheet (<?xml-stylesheet?>)"),
        ("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>", "it declares a document type or entities (<!DOCTYPE); remove the declaration"),
        ("<html><body/></html>", "its root element is <html>, not <svg>"),
        ("<svg><rect></svg>", "it is not well-formed XML (parser error 5)"),
        ("<svg><a></b></svg>", "it is not well-formed XML (parser error 76)"),
        (##"<svg><rect fill="red" to="javascript:x()"/></svg>"##, "<rect> has a javascript: URL in to"),
    ])
    func unsafeSVGIsRefused(_ svg: String, _ message: String) {
        let problems = SVGSafety.problems(in: Data(svg.utf8))
        #expect(problems.first?.message == message, "\(problems)")
    }
}
