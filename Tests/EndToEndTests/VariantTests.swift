import Foundation
import TestSupport
import Testing

/// Variants checked as a council officer would use them: the three examples in `Variants/`, and each
/// check on a variant, with its exact diagnostic in the variant's own file.
@Suite struct VariantTests {
    private let region = "Variants/greener-north/variant.md"
    private let council = "Variants/riverside/variant.md"
    private let district = "Variants/small-district/variant.md"

    /// The 1-based line of `path` that starts with `prefix`, and the byte column just after it.
    private func place(_ repo: ProjectCopy, _ path: String, _ prefix: String) throws -> (line: Int, column: Int) {
        let lines = try repo.read(path).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        return (index + 1, prefix.utf8.count + 1)
    }

    private func check(_ repo: ProjectCopy, _ variant: String, _ more: [String] = []) throws -> StrategycRunner.Result {
        let result = try repo.run(["check", "--variant", variant] + more)
        #expect(!result.crashed)
        return result
    }

    @Test func theThreeExamplesAreClean() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let expected = [
            ("Variants/greener-north", "Greener North procurement strategy (region, 1 layer on edition 2022): 0 left out, 0 texts changed, 3 added, 2 priorities"),
            ("Variants/riverside", "Riverside District Council procurement strategy (district, 2 layers on edition 2022): 0 left out, 0 texts changed, 5 added, 3 priorities"),
            ("Variants/small-district", "Small District Council procurement strategy (district, 1 layer on edition 2022): 1 left out, 1 text changed, 0 added, 0 priorities"),
        ]
        for (folder, summary) in expected {
            let result = try check(repo, folder, ["--warnings-as-errors"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == "")
            #expect(result.stdout == "\(folder): \(summary); no errors, 0 warnings\n")
        }
    }

    @Test func exportGivesEveryElementItsOrigin() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let council = try repo.run(["export", "--variant", "Variants/riverside"])
        #expect(council.status == 0, "\(council.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(council.stdout.utf8)) as? [String: Any])
        let origins = try #require(object["origins"] as? [String: String])
        #expect(origins["greener-north-net-zero"] == "added by greener-north")
        #expect(origins["riverside-ethical-procurement"] == "added by riverside")
        #expect(origins["creating-social-value"] == nil)  // inherited, as-is
        let priorities = try #require(object["priorities"] as? [String: [String: Any]])
        // The council's own target wins; the region's weight and minimum stay.
        #expect(priorities["creating-social-value"]?["target"] as? String == "leader")
        #expect(priorities["creating-social-value"]?["minimumTarget"] as? String == "mature")
        #expect(priorities["creating-social-value"]?["weight"] as? Double == 3)
        let district = try repo.run(["export", "--variant", "Variants/small-district"])
        let resolved = try #require(try JSONSerialization.jsonObject(with: Data(district.stdout.utf8)) as? [String: Any])
        let excluded = try #require(resolved["excluded"] as? [[String: Any]])
        #expect(excluded.map { $0["id"] as? String } == ["engaging-strategic-suppliers"])
        #expect((excluded.first?["reason"] as? String)?.hasPrefix("The council has no strategic suppliers") == true)
        let model = try #require(resolved["model"] as? [String: Any])
        let areas = (model["themes"] as? [[String: Any]] ?? []).flatMap { $0["keyAreas"] as? [[String: Any]] ?? [] }
        #expect(!areas.contains { $0["id"] as? String == "engaging-strategic-suppliers" })
    }

    /// `new variant` writes a variant that checks clean but for its placeholder introduction.
    @Test func newVariantScaffoldsACheckableVariant() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let created = try repo.run(["new", "variant", "--base", "Variants/greener-north", "--for", "Hill Town Council"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "wrote Variants/hill/variant.md: variant 'hill'; the key areas and indicators it adds start with 'hill-' (choose another id with --id)\n")
        let text = try repo.read("Variants/hill/variant.md")
        #expect(text.contains("\nbase: ../greener-north\n") && text.contains("\nbase_edition: 2022\n"))
        let result = try check(repo, "Variants/hill")
        #expect(result.status == 0)
        #expect(result.stdout == "Variants/hill: Hill Town Council procurement strategy (district, 2 layers on edition 2022): 0 left out, 0 texts changed, 3 added, 2 priorities; no errors, 1 warning\n")
        #expect(result.stderr.hasSuffix("[placeholder-text]\n0 errors and 1 warning generated.\n"))
        let again = try repo.run(["new", "variant", "--base", "Variants/greener-north", "--for", "Hill Town Council"])
        #expect(again.status == 1)
        #expect(again.stderr == "strategyc: error: Variants/hill already exists; choose another --id, or edit it\n")
    }

    /// An override written without `base:` is `override-base-missing` (it has not changed: it was never
    /// recorded), and accept-base records it.
    @Test func anUnrecordedBaseIsMissingAndAcceptBaseRecordsIt() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let text = try repo.read(district)
        let baseLine = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("    base: ") })
        try repo.edit(district, baseLine + "\n", "")
        let result = try check(repo, "Variants/small-district")
        #expect(result.stderr.contains("does not record the base text it replaces; record it with `strategyc variant accept-base`, so that check can tell you when it changes [override-base-missing]\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("[override-base-changed]"))
        let accept = try repo.run(["variant", "accept-base", "Variants/small-district"])
        #expect(accept.stdout == "wrote \(district): recorded 1 base text\n", "\(accept.stderr)")
        // Recorded under the override's id, with the fingerprint it had.
        #expect(try repo.read(district).contains("  - id: developing-talent-maturity\n\(baseLine)\n    level: leader\n"))
        #expect(try check(repo, "Variants/small-district", ["--warnings-as-errors"]).status == 0)
    }

    /// The proposed id is the distinctive part of the name, since every local id starts with it; --id
    /// chooses another, and must be a slug.
    @Test func newVariantProposesAShortIdAndTakesAnother() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let camden = try repo.run(["new", "variant", "--for", "London Borough of Camden", "--type", "london-borough"])
        #expect(camden.stdout == "wrote Variants/camden/variant.md: variant 'camden'; the key areas and indicators it adds start with 'camden-' (choose another id with --id)\n", "\(camden.stderr)")
        #expect(try repo.read("Variants/camden/variant.md").contains("\nid: camden\n"))
        #expect(try repo.read("Variants/camden/variant.md").contains("\npublisher: London Borough of Camden\n"))
        let chosen = try repo.run(["new", "variant", "--for", "London Borough of Camden", "--id", "lbc"])
        #expect(chosen.stdout == "wrote Variants/lbc/variant.md: variant 'lbc'; the key areas and indicators it adds start with 'lbc-'\n")
        let bad = try repo.run(["new", "variant", "--for", "London Borough of Camden", "--id", "LB Camden"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--id must be a slug (lowercase letters, digits and single hyphens), such as 'lb-camden'"), "\(bad.stderr)")
    }

    /// A variant's site: its title, what it leaves out with the reason, the base text beside the override,
    /// origin badges on what it adds, and a page saying how it differs.
    @Test func buildVariantShowsHowItDiffers() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let district = try repo.run(["build", "--variant", "Variants/small-district", "--out", "district"])
        #expect(district.status == 0, "\(district.stderr)")
        let areas = try FileManager.default.contentsOfDirectory(atPath: repo.url("district/key-areas").path)
        #expect(!areas.contains("engaging-strategic-suppliers.html"))
        #expect(district.stdout == "wrote district/: \(areas.count + 2) pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (\(areas.count + 7) files)\n")
        let index = try repo.read("district/index.html")
        #expect(index.contains("<h1>Small District Council procurement strategy</h1>"))
        #expect(index.contains("See <a href=\"variant.html\">how this variant differs</a>"))
        let differs = try repo.read("district/variant.html")
        #expect(differs.contains("<li><strong>Engaging strategic suppliers</strong> (left out by Small District Council procurement strategy): The council has no strategic suppliers of its own; those it relies on are managed by the county.</li>"))
        let talent = try repo.read("district/key-areas/developing-talent.html")
        #expect(talent.contains("<details class=\"base-text\"><summary>The text this variant replaced</summary><p>Talent development is planned around"))
        #expect(talent.contains("shared plan for the two officers who buy for the council"))
        let council = try repo.run(["build", "--variant", "Variants/riverside", "--out", "council"])
        #expect(council.status == 0, "\(council.stderr)")
        let risk = try repo.read("council/key-areas/managing-strategic-risk.html")
        #expect(risk.contains("Ethical procurement <span class=\"origin\">Added by Riverside District Council procurement strategy</span></th>"))
        let netZero = try repo.read("council/key-areas/greener-north-net-zero.html")
        #expect(netZero.contains("<h1>Buying for net zero</h1><p class=\"origin\">Added by Greener North procurement strategy</p>"))
    }

    /// Every variant of a folder, each into its own folder, with an index linking to each.
    @Test func buildVariantsBuildsEachWithAnIndex() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let result = try repo.run(["build", "--variants", "Variants", "--out", "_variants"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote _variants/: 3 variant sites and an index ("))
        let index = try repo.read("_variants/index.html")
        #expect(index.contains("<li><a href=\"riverside/index.html\">Riverside District Council procurement strategy</a>, for Riverside District Council (District council), built on Greener North procurement strategy. <a href=\"riverside/variant.html\">How it differs</a>.</li>"))
        for id in ["greener-north", "riverside", "small-district"] {
            #expect(FileManager.default.fileExists(atPath: repo.url("_variants/\(id)/variant.html").path))
            #expect(FileManager.default.fileExists(atPath: repo.url("_variants/\(id)/assessment.xlsx").path))
        }
        // A problem in one variant stops the batch, and nothing is written.
        try repo.edit(council, "target: leader", "target: developing")
        let broken = try repo.run(["build", "--variants", "Variants", "--out", "_broken"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("[variant-target-below-minimum]"))
        #expect(!FileManager.default.fileExists(atPath: repo.url("_broken").path))
    }

    /// A council's repository needs no templates: without `Templates/` (and without `--templates`) the
    /// built-in ones are used, and they give exactly the site the repository's own folder gives.
    @Test func withoutATemplatesFolderTheBuiltInTemplatesAreUsed() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let withFolder = try repo.run(["build", "--variant", "Variants/riverside", "--out", "with-folder"])
        #expect(withFolder.status == 0, "\(withFolder.stderr)")
        try FileManager.default.moveItem(at: repo.url("Templates"), to: repo.url("elsewhere"))
        let builtIn = try repo.run(["build", "--variant", "Variants/riverside", "--out", "built-in"])
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        let folderFiles = try FileManager.default.subpathsOfDirectory(atPath: repo.url("with-folder").path).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: repo.url("built-in").path).sorted() == folderFiles)
        for path in folderFiles where path.contains(".") {
            #expect(try Data(contentsOf: repo.url("built-in/" + path)) == Data(contentsOf: repo.url("with-folder/" + path)), "\(path)")
        }
        // A named folder that is missing is still an error, never a silent fall-back.
        let missing = try repo.run(["build", "--variant", "Variants/riverside", "--out", "x", "--templates", "Templates"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("Templates: error: templates folder 'Templates' does not exist"))
    }

    /// A variant's `templates/` replaces single templates or partials, for it and for variants built on
    /// it, and nothing else; a broken override is reported in the variant's file.
    @Test func aVariantMayOverrideSingleTemplates() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let original = try repo.read("Templates/partials/footer.mustache")
        try repo.write("Variants/greener-north/templates/partials/footer.mustache",
                       original.replacingOccurrences(of: "<footer", with: "<p class=\"region-note\">Greener North councils</p>\n<footer"))
        let result = try repo.run(["build", "--variants", "Variants", "--out", "_variants"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.read("_variants/greener-north/index.html").contains("<p class=\"region-note\">Greener North councils</p>"))
        #expect(try repo.read("_variants/riverside/key-areas/creating-social-value.html").contains("region-note"), "a council inherits its region's templates")
        #expect(try !repo.read("_variants/small-district/index.html").contains("region-note"))
        let national = try repo.run(["build", "--out", "_site"])
        #expect(national.status == 0, "\(national.stderr)")
        #expect(try !repo.read("_site/index.html").contains("region-note"))

        try repo.write("Variants/riverside/templates/key-area.mustache", "{{< layout}}\n{{$body}}\n{{#keyArea}}\n{{/layout}}\n")
        let broken = try check(repo, "Variants/riverside")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Variants/riverside/templates/key-area.mustache:"))
        #expect(broken.stderr.contains("error: template 'key-area' cannot be parsed"))
    }

    /// `build --with-variants`: the national site carries its variants under variants/, linked from every
    /// national page, in one atomic build; a variant of another strategy is refused, and nothing is written.
    @Test func theNationalSiteCarriesItsVariants() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let result = try repo.run(["build", "--with-variants", "Variants", "--out", "_site"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote _site/: 16 pages, toolkit.md, assessment.xlsx, assessment.csv, model.json, and 3 variant sites with their index under variants/ ("))
        #expect(try repo.read("_site/index.html").contains("see <a href=\"variants/index.html\">the local variants</a>."))
        #expect(try repo.read("_site/key-areas/creating-social-value.html").contains(" · <a href=\"../variants/index.html\">Local variants</a>"))
        #expect(try repo.read("_site/variants/index.html").contains("<p><a href=\"../index.html\">The national toolkit</a></p>"))
        #expect(try repo.read("_site/variants/riverside/index.html").contains("<h1>Riverside District Council procurement strategy</h1>"))
        let alone = try repo.run(["build", "--out", "alone"])
        #expect(try !repo.read("alone/index.html").contains("variants/index.html"), "without the option, no link")

        try FileManager.default.copyItem(at: repo.url("Strategy"), to: repo.url("Other"))
        try repo.edit(district, "base: ../../Strategy", "base: ../../Other")
        try repo.edit("Other/strategy.md", "title: National Procurement Strategy", "title: Another Procurement Strategy")
        let base = try place(repo, district, "base: ")
        let mixed = try repo.run(["build", "--with-variants", "Variants", "--out", "mixed"])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("\(district):\(base.line):\(base.column): error: 'small-district' is built on '../../Other', which is not the strategy being published (Strategy); only its own variants are published under its site [variant-base-missing]\n"))
        #expect(!FileManager.default.fileExists(atPath: repo.url("mixed").path))
    }

}
