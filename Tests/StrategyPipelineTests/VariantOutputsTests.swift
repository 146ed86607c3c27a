import Foundation
import StrategyDiagnostics
import Testing

/// Issue 23: a variant's outputs must say what is local: toolkit.md carrying what the site carries,
/// indicators named with their key area, the organisation type and weights explained. Run in the test
/// process (`build --variant` performs the same action); `EndToEndTests.VariantLocalOutputsTests` keeps
/// what needs the command line or reads the workbook with openpyxl.
@Suite struct VariantOutputsTests {
    private let region = "Variants/greener-north/variant.md"
    private let district = "Variants/small-district/variant.md"

    /// Item 4: toolkit.md carries the origin marks, what was left out and why, the rewritten texts with the
    /// texts they replaced, the additions and the priorities, as the site does.
    @Test func toolkitMarkdownCarriesWhatTheSiteCarries() throws {
        let repo = try ScratchProject()
        defer { repo.remove() }
        #expect(try repo.build(variant: "Variants/small-district", out: "district").containsErrors == false)
        let district = try repo.read("district/toolkit.md")
        #expect(district.contains("\n## How this variant differs\n"))
        #expect(district.contains("\n### Left out\n\n- **Engaging strategic suppliers** (left out by Small District Council procurement strategy): "
                                  + "The council has no strategic suppliers of its own; those it relies on are managed by the county.\n"))
        #expect(district.contains("\n#### Developing talent, in Developing talent: the Leader descriptor\n\nChanged by Small District Council "
                                  + "procurement strategy. It now reads:\n\n> Talent development is planned around the procurement"))
        #expect(district.contains("\n\nThe text it replaced:\n\n> Talent development is planned around"))
        #expect(district.contains("\n| Developing talent (Changed by Small District Council procurement strategy) |"))
        #expect(try repo.build(variant: "Variants/riverside", out: "council").containsErrors == false)
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
        let repo = try ScratchProject()
        defer { repo.remove() }
        try repo.edit(district, "exclude:\n", "exclude:\n  - id: councillors-reporting\n    reason: Councillors get one yearly report.\n")
        #expect(try repo.build(variant: "Variants/small-district", out: "district").containsErrors == false)
        let differs = try repo.read("district/variant.html")
        #expect(differs.contains("<h3><a href=\"key-areas/developing-talent.html#developing-talent-maturity\">Developing talent</a>, in "
                                 + "<a href=\"key-areas/developing-talent.html\">Developing talent</a>: the Leader descriptor "
                                 + "<span class=\"origin\">Changed by Small District Council procurement strategy</span></h3>"))
        #expect(differs.contains("<li><strong>Reporting, in <a href=\"key-areas/engaging-councillors.html\">Engaging councillors</a></strong> "
                                 + "(left out by Small District Council procurement strategy): Councillors get one yearly report.</li>"))
        #expect(try repo.build(variant: "Variants/riverside", out: "council").containsErrors == false)
        let council = try repo.read("council/variant.html")
        #expect(council.contains("<li><a href=\"key-areas/managing-strategic-risk.html#riverside-ethical-procurement\">Ethical procurement</a>, in "
                                 + "<a href=\"key-areas/managing-strategic-risk.html\">Managing strategic risk</a> (indicator, added by "
                                 + "Riverside District Council procurement strategy)</li>"))
    }

    /// Item 5: a diagnostic that names an indicator by its title names its key area too (every key area
    /// has an indicator titled "High level principle and specific behaviour").
    @Test func aDiagnosticNamingAnIndicatorNamesItsKeyArea() throws {
        let repo = try ScratchProject()
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
        let repo = try ScratchProject()
        defer { repo.remove() }
        try repo.edit("Variants/riverside/variant.md", "type: district", "type: london-borough")
        #expect(try repo.build(variant: "Variants/riverside", out: "council").containsErrors == false)
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
}
