import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// Variants published as a council officer publishes them (the three examples in `Variants/`), run in the
/// test process: what `export --variant`, `build --variant`, `build --variants`, `build --with-variants`,
/// `new variant` and `variant accept-base` produce. `EndToEndTests.VariantTests` keeps what the commands
/// print and how they take their arguments.
@Suite struct VariantPublishingTests {
    private let council = "Variants/riverside/variant.md"
    private let district = "Variants/small-district/variant.md"

    private func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func exportGivesEveryElementItsOrigin() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let council = try repo.export(variant: "Variants/riverside")
        #expect(council.diagnostics == [])
        let object = try json(try #require(council.outcome).document)
        let origins = try #require(object["origins"] as? [String: String])
        #expect(origins["greener-north-net-zero"] == "added by greener-north")
        #expect(origins["riverside-ethical-procurement"] == "added by riverside")
        #expect(origins["creating-social-value"] == nil)  // inherited, as-is
        let priorities = try #require(object["priorities"] as? [String: [String: Any]])
        // The council's own target wins; the region's weight and minimum stay.
        #expect(priorities["creating-social-value"]?["target"] as? String == "leader")
        #expect(priorities["creating-social-value"]?["minimumTarget"] as? String == "mature")
        #expect(priorities["creating-social-value"]?["weight"] as? Double == 3)
        let resolved = try json(try #require(try repo.export(variant: "Variants/small-district").outcome).document)
        let excluded = try #require(resolved["excluded"] as? [[String: Any]])
        #expect(excluded.map { $0["id"] as? String } == ["engaging-strategic-suppliers"])
        #expect((excluded.first?["reason"] as? String)?.hasPrefix("The council has no strategic suppliers") == true)
        let model = try #require(resolved["model"] as? [String: Any])
        let areas = (model["themes"] as? [[String: Any]] ?? []).flatMap { $0["keyAreas"] as? [[String: Any]] ?? [] }
        #expect(!areas.contains { $0["id"] as? String == "engaging-strategic-suppliers" })
    }

    /// `new variant` writes a variant that checks clean but for its placeholder introduction.
    @Test func aNewVariantChecksCleanButForItsPlaceholder() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let written = try NewVariantAction(
            PublicationPipeline(PublicationRequest(strategyFolder: repo.url("Strategy").path, generator: "strategyc test"),
                                collector: DiagnosticCollector()),
            base: repo.url("Variants/greener-north").path, audience: "Hill Town Council", type: "district",
            variants: repo.url("Variants").path, id: nil).perform()
        #expect(written == .written(path: repo.url("Variants/hill/variant.md").path))
        let text = try repo.read("Variants/hill/variant.md")
        #expect(text.contains("\nbase: ../greener-north\n") && text.contains("\nbase_edition: 2022\n"))
        let checked = try repo.check(variant: "Variants/hill")
        #expect(checked.map(\.code) == [.placeholderText])
        #expect(checked.map(\.severity) == [.warning])
    }

    /// An override written without `base:` is `override-base-missing` (it has not changed: it was never
    /// recorded), and accept-base records it.
    @Test func anUnrecordedBaseIsMissingAndAcceptBaseRecordsIt() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let text = try repo.read(district)
        let baseLine = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("    base: ") })
        try repo.edit(district, baseLine + "\n", "")
        let missing = try repo.checkText(variant: "Variants/small-district").stderr
        #expect(missing.contains("does not record the base text it replaces; record it with `strategyc variant accept-base`, so that check can tell you when it changes [override-base-missing]\n"), "\(missing)")
        #expect(!missing.contains("[override-base-changed]"))
        #expect(try repo.acceptBase("Variants/small-district") == .written(path: repo.url(district).path, accepted: 0, recorded: 1))
        // Recorded under the override's id, with the fingerprint it had.
        #expect(try repo.read(district).contains("  - id: developing-talent-maturity\n\(baseLine)\n    level: leader\n"))
        #expect(try repo.check(variant: "Variants/small-district", warningsAsErrors: true) == [])
    }

    /// A variant's site: its title, what it leaves out with the reason, the base text beside the override,
    /// origin badges on what it adds, and a page saying how it differs.
    @Test func aVariantsSiteShowsHowItDiffers() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        #expect(try repo.build(out: "district", variant: "Variants/small-district") == [])
        let areas = try FileManager.default.contentsOfDirectory(atPath: repo.url("district/key-areas").path)
        #expect(!areas.contains("engaging-strategic-suppliers.html"))
        let index = try repo.read("district/index.html")
        #expect(index.contains("<h1>Small District Council procurement strategy</h1>"))
        #expect(index.contains("See <a href=\"variant.html\">how this variant differs</a>"))
        let differs = try repo.read("district/variant.html")
        #expect(differs.contains("<li><strong>Engaging strategic suppliers</strong> (left out by Small District Council procurement strategy): The council has no strategic suppliers of its own; those it relies on are managed by the county.</li>"))
        let talent = try repo.read("district/key-areas/developing-talent.html")
        #expect(talent.contains("<details class=\"base-text\"><summary>The text this variant replaced</summary><p>Talent development is planned around"))
        #expect(talent.contains("shared plan for the two officers who buy for the council"))
        #expect(try repo.build(out: "council", variant: "Variants/riverside") == [])
        let risk = try repo.read("council/key-areas/managing-strategic-risk.html")
        #expect(risk.contains("Ethical procurement <span class=\"origin\">Added by Riverside District Council procurement strategy</span></th>"))
        let netZero = try repo.read("council/key-areas/greener-north-net-zero.html")
        #expect(netZero.contains("<h1>Buying for net zero</h1><p class=\"origin\">Added by Greener North procurement strategy</p>"))
    }

    /// Every variant of a folder, each into its own folder, with an index linking to each; a problem in
    /// one variant stops the batch, and nothing is written.
    @Test func aBatchBuildsEachVariantWithAnIndex() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let batch = try repo.publishVariants("Variants", out: "_variants")
        #expect(batch.diagnostics == [])
        let index = try repo.read("_variants/index.html")
        #expect(index.contains("<li><a href=\"riverside/index.html\">Riverside District Council procurement strategy</a>, for Riverside District Council (District council), built on Greener North procurement strategy. <a href=\"riverside/variant.html\">How it differs</a>.</li>"))
        let written = Set(try #require(batch.files).map(\.path))
        for id in ["greener-north", "riverside", "small-district"] {
            #expect(written.isSuperset(of: ["\(id)/variant.html", "\(id)/assessment.xlsx"]), "\(id)")
            #expect(FileManager.default.fileExists(atPath: repo.url("_variants/\(id)/variant.html").path))
            #expect(FileManager.default.fileExists(atPath: repo.url("_variants/\(id)/assessment.xlsx").path))
        }
        try repo.edit(council, "target: leader", "target: developing")
        let broken = try repo.publishVariants("Variants", out: "_broken")
        #expect(broken.files == nil)
        #expect(broken.diagnostics.map(\.code) == [.variantTargetBelowMinimum])
        #expect(!FileManager.default.fileExists(atPath: repo.url("_broken").path))
    }

    /// A variant's `templates/` replaces single templates or partials, for it and for variants built on
    /// it, and nothing else; a broken override is reported in the variant's file.
    @Test func aVariantMayOverrideSingleTemplates() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let original = try repo.read("Templates/partials/footer.mustache")
        try repo.write("Variants/greener-north/templates/partials/footer.mustache",
                       original.replacingOccurrences(of: "<footer", with: "<p class=\"region-note\">Greener North councils</p>\n<footer"))
        #expect(try repo.publishVariants("Variants", out: "_variants").diagnostics == [])
        #expect(try repo.read("_variants/greener-north/index.html").contains("<p class=\"region-note\">Greener North councils</p>"))
        #expect(try repo.read("_variants/riverside/key-areas/creating-social-value.html").contains("region-note"), "a council inherits its region's templates")
        #expect(try !repo.read("_variants/small-district/index.html").contains("region-note"))
        #expect(try repo.build(out: "_site") == [])
        #expect(try !repo.read("_site/index.html").contains("region-note"))

        try repo.write("Variants/riverside/templates/key-area.mustache", "{{< layout}}\n{{$body}}\n{{#keyArea}}\n{{/layout}}\n")
        let broken = try repo.checkText(variant: "Variants/riverside")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Variants/riverside/templates/key-area.mustache:"))
        #expect(broken.stderr.contains("error: template 'key-area' cannot be parsed"))
    }

    /// The national site carries its variants under variants/, linked from every national page, in one
    /// atomic build; a variant of another strategy is refused, and nothing is written.
    @Test func theNationalSiteCarriesItsVariants() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        #expect(try repo.publish(.build, out: "_site", withVariants: "Variants").diagnostics == [])
        #expect(try repo.read("_site/index.html").contains("see <a href=\"variants/index.html\">the local variants</a>."))
        #expect(try repo.read("_site/key-areas/creating-social-value.html").contains(" · <a href=\"../variants/index.html\">Local variants</a>"))
        #expect(try repo.read("_site/variants/index.html").contains("<p><a href=\"../index.html\">The national toolkit</a></p>"))
        #expect(try repo.read("_site/variants/riverside/index.html").contains("<h1>Riverside District Council procurement strategy</h1>"))
        #expect(try repo.build(out: "alone") == [])
        #expect(try !repo.read("alone/index.html").contains("variants/index.html"), "without the option, no link")

        try FileManager.default.copyItem(at: repo.url("Strategy"), to: repo.url("Other"))
        try repo.edit(district, "base: ../../Strategy", "base: ../../Other")
        try repo.edit("Other/strategy.md", "title: National Procurement Strategy", "title: Another Procurement Strategy")
        let base = try repo.place(district, "base: ")
        let mixed = try repo.publish(.build, out: "mixed", withVariants: "Variants").diagnostics
        #expect(DiagnosticFormat.text.render(mixed) == "\(district):\(base.line):\(base.column): error: 'small-district' is built on '../../Other', which is not the strategy being published (Strategy); only its own variants are published under its site [variant-base-missing]\n1 error and 0 warnings generated.\n")
        #expect(!FileManager.default.fileExists(atPath: repo.url("mixed").path))
    }
}
