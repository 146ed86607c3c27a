import Foundation
import TestSupport
import StrategyDiagnostics
import Testing

/// Each check on a variant, with its exact diagnostics in the variant's own file, run in the test process
/// (`strategyc check --variant` and `variant accept-base` perform the same actions; `EndToEndTests.VariantTests`
/// keeps what only the command line shows: summaries, `new variant`, what `accept-base` says, builds).
@Suite struct VariantCheckTests {
    private let region = "Variants/greener-north/variant.md"
    private let council = "Variants/riverside/variant.md"
    private let district = "Variants/small-district/variant.md"

    private func check(_ repo: ProjectCopy, _ variant: String, warningsAsErrors: Bool = false) throws -> ProjectCopy.CheckedText {
        try repo.checkText(variant: variant, warningsAsErrors: warningsAsErrors)
    }

    private func place(_ repo: ProjectCopy, _ path: String, _ prefix: String) throws -> (line: Int, column: Int) {
        try repo.place(path, prefix)
    }

    @Test func anUnknownIdGetsDidYouMean() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(district, "  - id: engaging-strategic-suppliers", "  - id: engaging-strategic-supplier")
        let at = try place(repo, district, "  - id: ")
        let result = try check(repo, "Variants/small-district")
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(district):\(at.line):\(at.column): error: `exclude` names 'engaging-strategic-supplier', which is not in the base; did you mean 'engaging-strategic-suppliers'? [variant-unknown-id]
            \(district):\(at.line):\(at.column): note: fix-it: replace with 'engaging-strategic-suppliers'
            1 error and 0 warnings generated.

            """)
    }

    @Test func excludedAndOverriddenIsAnError() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(district, "  - id: engaging-strategic-suppliers", "  - id: developing-talent")
        let at = try place(repo, district, "  - id: developing-talent-maturity")
        let result = try check(repo, "Variants/small-district")
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(district):\(at.line):9: error: 'developing-talent-maturity' is both excluded and overridden; keep one [variant-excluded-and-overridden]
            1 error and 0 warnings generated.

            """)
    }

    @Test func targetsAndWeightsAreChecked() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(council, "    weight: 2\n    target: mature", "    weight: 0\n    target: expert")
        let weight = try place(repo, council, "    weight: ")
        let target = try place(repo, council, "    target: expert")
        let result = try check(repo, "Variants/riverside")
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(council):\(weight.line):\(weight.column): error: a weight must be a positive number, found '0' [variant-invalid-priority]
            \(council):\(target.line):13: error: `target` must be a level id (minimum, developing, mature, leader, innovator), found 'expert' [variant-invalid-priority]
            2 errors and 0 warnings generated.

            """)
    }

    @Test func aCouncilCannotGoBelowItsRegionsMinimum() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(council, "  - key_area: creating-social-value\n    target: leader", "  - key_area: creating-social-value\n    target: developing")
        let at = try place(repo, council, "    target: developing")
        let result = try check(repo, "Variants/riverside")
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(council):\(at.line):13: error: target 'developing' for 'creating-social-value' is below 'mature', the minimum its base sets [variant-target-below-minimum]
            \(council):\(at.line):13: note: fix-it: raise it to 'mature'
            1 error and 0 warnings generated.

            """)
    }

    @Test func localIdsLiveInTheVariantsNamespace() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let additions = "Variants/riverside/additions/managing-strategic-risk.md"
        try repo.edit(additions, "{#riverside-ethical-procurement}", "{#ethical-procurement}")
        try repo.edit(additions, "{#riverside-modern-slavery-assurance}", "{#risk-modern-slavery}")
        let first = try place(repo, additions, "### Ethical procurement {#")
        let second = try place(repo, additions, "### Modern slavery assurance {#")
        let result = try check(repo, "Variants/riverside")
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(additions):\(first.line):\(first.column): error: local id 'ethical-procurement' must start with the variant's id ('riverside-'), so it can never collide with an id a later base edition adds [variant-id-collision]
            \(additions):\(first.line):\(first.column): note: fix-it: use 'riverside-ethical-procurement'
            \(additions):\(second.line):\(second.column): error: local id 'risk-modern-slavery' is already used by the base; give it an id of its own [variant-id-collision]
            2 errors and 0 warnings generated.

            """)
    }

    @Test func basesThatAreMissingOrCircularAreReported() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(council, "base: ../greener-north", "base: ../greener-norht")
        let base = try place(repo, council, "base: ")
        let missing = try check(repo, "Variants/riverside")
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(council):\(base.line):\(base.column): error: 'Variants/greener-norht' is neither a strategy folder (strategy.md) nor a variant (variant.md) [variant-base-missing]\n1 error and 0 warnings generated.\n")
        try repo.edit(council, "base: ../greener-norht", "base: ../greener-north")
        try repo.edit(region, "base: ../../Strategy", "base: ../riverside")
        let cycle = try check(repo, "Variants/riverside")
        #expect(cycle.status == 1)
        #expect(cycle.stderr.hasSuffix("a variant cannot be its own base [variant-base-cycle]\n1 error and 0 warnings generated.\n"), "\(cycle.stderr)")
        let regionBase = try place(repo, region, "base: ")
        #expect(cycle.stderr.hasPrefix("\(region):\(regionBase.line):\(regionBase.column): error: the bases of 'Variants/riverside' lead back to 'Variants/riverside'"), "\(cycle.stderr)")
    }

    @Test func aBaseAtAnotherEditionIsAWarningWithAFixIt() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(district, "base_edition: 2022", "base_edition: 2018")
        let at = try place(repo, district, "base_edition: ")
        let result = try check(repo, "Variants/small-district")
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(district):\(at.line):\(at.column): warning: 'small-district' was written against edition 2018; its base is now edition 2022: review what changed and then set `base_edition: 2022` [variant-base-moved]
            \(district):\(at.line):\(at.column): note: to list what changed since edition 2018, give the national strategy.md a `previous_edition` of that edition (a folder or git:REV), or pass --since
            \(district):\(at.line):\(at.column): note: fix-it: set base_edition to 2022
            0 errors and 1 warning generated.

            """)
    }

    /// When the national strategy moves to a new edition and keeps the old one as `previous_edition`, a
    /// variant written against the old one is told what the base changed since, and which of the elements
    /// it names need review.
    @Test func aMovedBaseListsWhatChangedSince() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try FileManager.default.copyItem(at: repo.url("Strategy"), to: repo.url("Strategy-2022"))
        try repo.edit("Strategy/strategy.md", "edition: 2022\n", "edition: 2025\nprevious_edition: ../Strategy-2022\n")
        let suppliers = "Strategy/key-areas/showing-leadership/engaging-strategic-suppliers.md"
        try repo.edit(suppliers, "status: active", "status: retired\nretired_in: 2025")
        try repo.edit("Strategy/key-areas/achieving-community-benefits/creating-social-value.md", "## Description\n\n", "## Description\n\nNow with a new first sentence. ")
        #expect(!(try repo.check().containsErrors))
        let at = try place(repo, region, "base_edition: ")
        let result = try check(repo, "Variants/greener-north")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == """
            \(region):\(at.line):\(at.column): warning: 'greener-north' was written against edition 2022; its base is now edition 2025: review what changed and then set `base_edition: 2025` [variant-base-moved]
            \(region):\(at.line):\(at.column): note: since edition 2022 the base retired 1 key area, reworded 1 text; `strategyc diff` lists every change
            \(region):\(at.line):\(at.column): note: review 'creating-social-value', which this variant prioritises: its description was reworded
            \(region):\(at.line):\(at.column): note: fix-it: set base_edition to 2025
            0 errors and 1 warning generated.

            """)
        // The district leaves out the key area the base has now retired: that is an error of its own.
        let district = try check(repo, "Variants/small-district")
        #expect(district.status == 1)
        #expect(district.stderr.contains("note: review 'engaging-strategic-suppliers', which this variant leaves out: retired in 2025\n"))
    }

    @Test func nothingKeptMayLinkToWhatIsLeftOut() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(region, "priorities:", "exclude:\n  - id: working-with-partners\n    reason: Led by the combined authority.\npriorities:")
        let area = "Variants/greener-north/key-areas/greener-north-net-zero.md"
        try repo.edit(area, "The council has not estimated the emissions of what it buys.",
                      "The council has not estimated the emissions of what it buys (see [partners](working-with-partners.html)).")
        let at = try place(repo, area, "The council has not estimated")
        let result = try check(repo, "Variants/greener-north")
        #expect(result.status == 1)
        let column = "The council has not estimated the emissions of what it buys (see [partners](".utf8.count + 1
        #expect(result.stderr == """
            \(area):\(at.line):\(column): error: this link leads to 'working-with-partners', which 'greener-north' leaves out (Led by the combined authority.); remove the link or keep the key area [variant-excluded-referenced]
            1 error and 0 warnings generated.

            """)
    }

    /// Changing the national descriptor that the district overrides stops publication until an editor
    /// accepts it; `accept-base` records the new fingerprint and nothing else.
    @Test func aChangedBaseTextBlocksPublicationUntilAccepted() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit("Strategy/key-areas/enablers/developing-talent.md", "- a resourcing plan", "- a plan for resourcing the team")
        let at = try place(repo, district, "    base: ")
        let lenient = try check(repo, "Variants/small-district")
        #expect(lenient.status == 0)
        #expect(lenient.stderr.hasPrefix("\(district):\(at.line):\(at.column): warning: the base text this override of the leader descriptor of 'developing-talent-maturity' replaced has changed; read it again, then accept it with `strategyc variant accept-base` [override-base-changed]\n"), "\(lenient.stderr)")
        #expect(lenient.stderr.contains("a plan for resourcing the team"))
        let strict = try check(repo, "Variants/small-district", warningsAsErrors: true)
        #expect(strict.status == 1)
        let before = try repo.read(district)
        #expect(try repo.acceptBase("Variants/small-district")
                == .written(path: repo.url(district).path, accepted: 1, recorded: 0))
        let after = try repo.read(district)
        // Only the fingerprint changed.
        #expect(before.components(separatedBy: "\n").count == after.components(separatedBy: "\n").count)
        #expect(zip(before.components(separatedBy: "\n"), after.components(separatedBy: "\n")).filter { $0 != $1 }.count == 1)
        let fixed = try check(repo, "Variants/small-district", warningsAsErrors: true)
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}
