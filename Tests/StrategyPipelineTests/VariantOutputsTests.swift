import Foundation
import TestSupport
import StrategyDiagnostics
import Testing

/// Issue 23: a variant's outputs must say what is local: toolkit.md carrying what the site carries,
/// indicators named with their key area, the organisation type and weights explained, branding checked
/// then published, and origin badges only on what changed. Run in the test
/// process (`build --variant` performs the same action); `EndToEndTests.VariantLocalOutputsTests` keeps
/// what needs the command line or reads the workbook with openpyxl.
@Suite struct VariantOutputsTests {
    private let region = "Variants/greener-north/variant.md"
    private let district = "Variants/small-district/variant.md"

    private func check(_ repo: ProjectCopy, _ variant: String) throws -> ProjectCopy.CheckedText {
        try repo.checkText(variant: variant)
    }

    private func place(_ repo: ProjectCopy, _ path: String, _ prefix: String) throws -> (line: Int, column: Int) {
        try repo.place(path, prefix)
    }

    /// Item 4: toolkit.md carries the origin marks, what was left out and why, the rewritten texts with the
    /// texts they replaced, the additions and the priorities, as the site does.
    @Test func toolkitMarkdownCarriesWhatTheSiteCarries() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        #expect(try repo.build(out: "district", variant: "Variants/small-district").containsErrors == false)
        let district = try repo.read("district/toolkit.md")
        #expect(district.contains("\n## How this variant differs\n"))
        #expect(district.contains("\n### Left out\n\n- **Engaging strategic suppliers** (left out by Small District Council procurement strategy): "
                                  + "The council has no strategic suppliers of its own; those it relies on are managed by the county.\n"))
        #expect(district.contains("\n#### Developing talent, in Developing talent: the Leader descriptor\n\nChanged by Small District Council "
                                  + "procurement strategy. It now reads:\n\n> Talent development is planned around the procurement"))
        #expect(district.contains("\n\nThe text it replaced:\n\n> Talent development is planned around"))
        #expect(district.contains("\n| Developing talent (Changed by Small District Council procurement strategy) |"))
        #expect(try repo.build(out: "council", variant: "Variants/riverside").containsErrors == false)
        let council = try repo.read("council/toolkit.md")
        #expect(council.contains("\n### Buying for net zero\n\n*Key area* · Added by Greener North procurement strategy\n"))
        #expect(council.contains("\n| Ethical procurement (Added by Riverside District Council procurement strategy) |"))
        #expect(council.contains("\n**Priority in this variant:** Weight 3 (counts 3 times as much as a key area of weight 1), "
                                 + "default target Leader, minimum target Mature.\n"))
        #expect(council.contains("\n### Added\n\n- Buying for net zero (key area, added by Greener North procurement strategy)\n"))
        #expect(council.contains("\n- Ethical procurement, in Managing strategic risk (indicator, added by Riverside District Council procurement strategy)\n"))
        #expect(council.contains("\n### Priorities and targets\n\n"))
        #expect(council.contains("\n- Creating social value: weight 3 (counts 3 times as much as a key area of weight 1), default target Leader, minimum target Mature\n"))
    }

    /// Item 5: wherever a variant's page names an indicator, it names and links its key area too.
    @Test func anIndicatorIsNamedWithItsKeyAreaOnTheVariantPage() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(district, "exclude:\n", "exclude:\n  - id: councillors-reporting\n    reason: Councillors get one yearly report.\n")
        #expect(try repo.build(out: "district", variant: "Variants/small-district").containsErrors == false)
        let differs = try repo.read("district/variant.html")
        #expect(differs.contains("<h3><a href=\"key-areas/developing-talent.html#developing-talent-maturity\">Developing talent</a>, in "
                                 + "<a href=\"key-areas/developing-talent.html\">Developing talent</a>: the Leader descriptor "
                                 + "<span class=\"origin\">Changed by Small District Council procurement strategy</span></h3>"))
        #expect(differs.contains("<li><strong>Reporting, in <a href=\"key-areas/engaging-councillors.html\">Engaging councillors</a></strong> "
                                 + "(left out by Small District Council procurement strategy): Councillors get one yearly report.</li>"))
        #expect(try repo.build(out: "council", variant: "Variants/riverside").containsErrors == false)
        let council = try repo.read("council/variant.html")
        #expect(council.contains("<li><a href=\"key-areas/managing-strategic-risk.html#riverside-ethical-procurement\">Ethical procurement</a>, in "
                                 + "<a href=\"key-areas/managing-strategic-risk.html\">Managing strategic risk</a> (indicator, added by "
                                 + "Riverside District Council procurement strategy)</li>"))
    }

    /// Item 5: a diagnostic that names an indicator by its title names its key area too (every key area
    /// has an indicator titled "High level principle and specific behaviour").
    @Test func aDiagnosticNamingAnIndicatorNamesItsKeyArea() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let file = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
        let text = try repo.read(file)
        let start = try #require(text.range(of: "{#councillors-principle}"))
        let minimum = try #require(text.range(of: "#### Minimum\n\n", range: start.upperBound..<text.endIndex))
        try repo.write(file, text.replacingCharacters(in: minimum, with: "#### Minimum\n\n" + String(repeating: "word ", count: 250)))
        let result = DiagnosticFormat.text.render(try repo.check())
        #expect(result.contains("warning: the 'minimum' descriptor of 'High level principle and specific behaviour', in "
                                       + "'Engaging councillors', is "), "\(result)")
    }

    /// Item 6: the organisation type by its label in assessment.md, and what a weight means where it is shown.
    @Test func theTypeIsNamedByItsLabelAndTheWeightExplained() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit("Variants/riverside/variant.md", "type: district", "type: london-borough")
        #expect(try repo.build(out: "council", variant: "Variants/riverside").containsErrors == false)
        let differs = try repo.read("council/variant.html")
        #expect(differs.contains("<p class=\"lead\">Riverside District Council procurement strategy is for Riverside District Council "
                                 + "(London borough council). It is built on"))
        #expect(!differs.contains("london-borough"))
        #expect(differs.contains("<li><a href=\"key-areas/creating-social-value.html\">Creating social value</a>: weight 3 (counts 3 times "
                                 + "as much as a key area of weight 1), default target Leader, minimum target Mature</li>"))
        #expect(differs.contains("<p>A weight says how much a key area counts in the weighted levels on the workbook&#39;s Summary sheet: "
                                 + "each key area&#39;s level is multiplied by its weight, and the total divided by the sum of the weights. "
                                 + "A key area not listed here has weight 1."))
    }

    /// Branding as a region sets it and a council inherits it; a pale accent is refused with a darker
    /// shade as fix-it, and a logo is refused when it is outside the folder, of the wrong kind, too large
    /// or an SVG that could run script (reported in the SVG itself).
    @Test func brandingIsCheckedThenPublished() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let built = try repo.build(out: "council", variant: "Variants/riverside")
        #expect(!built.containsErrors, "\(built)")
        let page = try repo.read("council/key-areas/creating-social-value.html")
        #expect(page.contains("<style>:root { --brand: #0b5d3b; }</style>"))
        #expect(page.contains("<img class=\"site-header__logo\" src=\"../assets/logo.svg\" alt=\"\" height=\"40\">"))
        #expect(try Data(contentsOf: repo.url("council/assets/logo.svg")) == Data(contentsOf: repo.url("Variants/greener-north/logo.svg")))

        let accent = try place(repo, region, "  accent: ")
        try repo.edit(region, "accent: \"#0b5d3b\"", "accent: \"#7fbf7f\"")
        let pale = try check(repo, "Variants/greener-north")
        #expect(pale.status == 1)
        #expect(pale.stderr.hasPrefix("\(region):\(accent.line):\(accent.column): error: white text on accent colour #7fbf7f has a contrast of 2.1:1; WCAG AA needs at least 4.5:1, which #557f55 (4.6:1) gives [variant-accent-colour]\n\(region):\(accent.line):\(accent.column): note: fix-it: use #557f55\n"))
        try repo.edit(region, "accent: \"#7fbf7f\"", "accent: \"#557f55\"")  // the fix-it, applied
        #expect(try check(repo, "Variants/greener-north").status == 0)

        let logo = try place(repo, region, "  logo: ")
        for (value, message) in [
            ("../riverside/variant.md", "logo '../riverside/variant.md' must be a file inside the variant folder, named from it (such as logo.svg)"),
            ("logo.gif", "logo 'logo.gif' must be a PNG or an SVG file (.png or .svg)"),
            ("missing.png", "logo 'missing.png' does not exist in Variants/greener-north"),
            ("fake.png", "logo 'fake.png' is not a PNG image (its first bytes are not a PNG signature)"),
            ("huge.svg", "logo 'huge.svg' is 300 KB; a logo may be at most 200 KB"),
        ] {
            try repo.write("Variants/greener-north/fake.png", "<svg/>")
            try repo.write("Variants/greener-north/huge.svg", "<svg>" + String(repeating: " ", count: 300 * 1024) + "</svg>")
            let text = try repo.read(region).replacing(#/  logo: .*/#, with: "  logo: \(value)")
            try repo.write(region, text)
            let refused = try check(repo, "Variants/greener-north")
            #expect(refused.status == 1)
            #expect(refused.stderr.hasPrefix("\(region):\(logo.line):\(logo.column): error: \(message) [variant-logo-refused]\n"), "\(refused.stderr)")
        }
        try repo.write(region, try repo.read(region).replacing(#/  logo: .*/#, with: "  logo: logo.svg"))
        try repo.edit("Variants/greener-north/logo.svg", "<circle", "<circle onload=\"steal()\"")
        let scripted = try check(repo, "Variants/riverside")
        #expect(scripted.status == 1)
        #expect(scripted.stderr.hasPrefix("Variants/greener-north/logo.svg:3:"))
        #expect(scripted.stderr.contains(": error: the logo is refused: <circle> has an event handler (onload), which runs script [variant-logo-refused]\n\(region):\(logo.line):\(logo.column): note: named as the logo here\n"))
    }

    /// Regression: a key area whose description a variant rewrote showed "Changed by" on every indicator
    /// row too, because a row without an origin let Mustache find the key area's origin further up.
    @Test func onlyWhatChangedCarriesAnOriginBadge() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(district, "overrides:\n", "overrides:\n  - id: creating-social-value\n    field: description\n    text: Our own description of social value.\n")
        let fingerprint = try check(repo, "Variants/small-district").stderr
            .firstMatch(of: /record the current base text: base: ([0-9a-f]{16})/).map { String($0.1) }
        try repo.edit(district, "    text: Our own description of social value.", "    base: \(try #require(fingerprint))\n    text: Our own description of social value.")
        let built = try repo.build(out: "district", variant: "Variants/small-district")
        #expect(!built.containsErrors, "\(built)")
        let page = try repo.read("district/key-areas/creating-social-value.html")
        #expect(page.contains("<h1>Creating social value</h1><p class=\"origin\">Changed by Small District Council procurement strategy</p>"))
        #expect(page.components(separatedBy: "class=\"origin\"").count - 1 == 1, "only the key area, not its rows")
    }
}
