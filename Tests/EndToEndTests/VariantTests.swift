import Foundation
import TestSupport
import Testing

/// The variant commands as a council officer runs them: what `check --variant`, `build --variant`,
/// `build --variants`, `build --with-variants`, `new variant` and `variant accept-base` print and how they
/// take their arguments. What they produce is checked in the test process, in
/// `StrategyPipelineTests.VariantPublishingTests`.
@Suite struct VariantTests {
    private let council = "Variants/riverside/variant.md"
    private let district = "Variants/small-district/variant.md"

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

    /// What each build of variants says it wrote, and a batch with a problem in one variant exits 1.
    @Test func variantBuildsSayWhatTheyWrote() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let district = try repo.run(["build", "--variant", "Variants/small-district", "--out", "district"])
        #expect(district.status == 0, "\(district.stderr)")
        let areas = try FileManager.default.contentsOfDirectory(atPath: repo.url("district/key-areas").path)
        #expect(district.stdout == "wrote district/: \(areas.count + 2) pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (\(areas.count + 7) files)\n")
        let batch = try repo.run(["build", "--variants", "Variants", "--out", "_variants"])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout.hasPrefix("wrote _variants/: 3 variant sites and an index ("))
        let national = try repo.run(["build", "--with-variants", "Variants", "--out", "_site"])
        #expect(national.status == 0, "\(national.stderr)")
        #expect(national.stdout.hasPrefix("wrote _site/: 16 pages, toolkit.md, assessment.xlsx, assessment.csv, model.json, and 3 variant sites with their index under variants/ ("))
        try repo.edit(council, "target: leader", "target: developing")
        let broken = try repo.run(["build", "--variants", "Variants", "--out", "_broken"])
        #expect(broken.status == 1)
        #expect(broken.stdout == "")
        #expect(broken.stderr.contains("[variant-target-below-minimum]"))
    }

    /// `variant accept-base` says what it recorded, and then that there is nothing to do.
    @Test func acceptBaseSaysWhatItRecorded() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let baseLine = try #require(try repo.read(district).components(separatedBy: "\n").first { $0.hasPrefix("    base: ") })
        try repo.edit(district, baseLine + "\n", "")
        let accept = try repo.run(["variant", "accept-base", "Variants/small-district"])
        #expect(accept.status == 0)
        #expect(accept.stdout == "wrote \(district): recorded 1 base text\n", "\(accept.stderr)")
        let again = try repo.run(["variant", "accept-base", "Variants/small-district"])
        #expect(again.status == 0)
        #expect(again.stdout == "\(district): every override matches its base text; nothing to accept\n")
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
        let again = try repo.run(["new", "variant", "--for", "London Borough of Camden", "--id", "lbc"])
        #expect(again.status == 1)
        #expect(again.stderr == "strategyc: error: Variants/lbc already exists; choose another --id, or edit it\n")
        let bad = try repo.run(["new", "variant", "--for", "London Borough of Camden", "--id", "LB Camden"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--id must be a slug (lowercase letters, digits and single hyphens), such as 'lb-camden'"), "\(bad.stderr)")
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

}
