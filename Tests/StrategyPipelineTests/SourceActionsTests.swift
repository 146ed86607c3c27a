import Foundation
import TestSupport
import StrategyDiagnostics
import StrategyPipeline
import Testing

/// The actions that write into the sources or compare them (`new`, `new variant`, `variant accept-base`,
/// `diff`), run in the test process on a copy of the project: their steps by name, and exactly what each
/// writes or refuses.
@Suite struct SourceActionsTests {
    private func pipeline(_ repo: ProjectCopy, strategy: String = "Strategy") -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: repo.url(strategy).path, generator: "strategyc test"),
                            collector: DiagnosticCollector())
    }

    @Test func theStepsAreNamedInOrder() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        #expect(NewElementAction(pipeline(repo), element: .enabler, title: "x").stepNames
                == ["compile the strategy", "write the new element"])
        #expect(NewVariantAction(pipeline(repo), base: "Strategy", audience: "x", type: "district", variants: "Variants", id: nil)
                .stepNames == ["check the variant's folder", "read the base's edition", "write variant.md"])
        #expect(AcceptBaseAction(pipeline(repo), folder: "Variants/riverside").stepNames
                == ["resolve the variant", "record the base texts"])
        #expect(DiffAction(pipeline(repo), old: "a", new: "b").stepNames
                == ["read the editions", "compile each edition", "compare the editions"])
    }

    /// A key area gets an id of its own and a first indicator; an indicator goes at the end of its key area's
    /// indicators, and the line it starts on is said; a theme or key area that is not there is refused.
    @Test func newElementsAreWrittenWithTheIdsTheyWereGiven() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let area = try NewElementAction(pipeline(repo), element: .keyArea(theme: "showing-leadership"),
                                        title: "Engaging councillors").perform()
        let path = repo.url("Strategy/key-areas/showing-leadership/engaging-councillors-2.md").path
        #expect(area == .keyArea(path: path, isEnabler: false, id: "engaging-councillors-2",
                                 indicator: "engaging-councillors-2-principle"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("---\nid: engaging-councillors-2\ntitle: Engaging councillors\ntheme: showing-leadership\n"))
        #expect(text.contains("\n## What it is\n") && text.contains("### High level principle and specific behaviour {#engaging-councillors-2-principle}\n"))

        let councillors = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
        let before = try repo.read(councillors).components(separatedBy: "\n")
        let indicator = try NewElementAction(pipeline(repo), element: .indicator(keyArea: "engaging-councillors"),
                                             title: "Scrutiny of contracts").perform()
        let after = try repo.read(councillors).components(separatedBy: "\n")
        guard case .indicator(let written, let line, let id, let keyArea, let retired) = indicator else {
            Issue.record("\(String(describing: indicator))")
            return
        }
        #expect([written, id, keyArea] == [repo.url(councillors).path, "scrutiny-of-contracts", "engaging-councillors"] && !retired)
        #expect(after[line - 1] == "### Scrutiny of contracts {#scrutiny-of-contracts}")
        #expect(after.count == before.count + 1 + 1 + 5 * 4, "a blank line, the heading, and four lines for each of the five levels")

        #expect(try NewElementAction(pipeline(repo), element: .keyArea(theme: "enablers"), title: "x").perform()
                == .refused(reason: "no theme 'enablers'; the themes are showing-leadership, behaving-commercially, achieving-community-benefits (use `new enabler` for enablers)"))
        #expect(try NewElementAction(pipeline(repo), element: .indicator(keyArea: "nowhere"), title: "x").perform()
                == .refused(reason: "no active key area or enabler 'nowhere'"))
    }

    /// A strategy with errors gets nothing new: the errors are in the collector.
    @Test func nothingIsScaffoldedIntoAStrategyWithErrors() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        // A copied key area: the model is built, with a duplicate-id error.
        let councillors = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
        try repo.write("Strategy/key-areas/showing-leadership/copy.md", try repo.read(councillors))
        let scaffold = NewElementAction(pipeline(repo), element: .enabler, title: "Using data well")
        #expect(try scaffold.perform() == nil)
        #expect(scaffold.collector.diagnostics.contains { $0.code == .duplicateID })
        #expect(!FileManager.default.fileExists(atPath: repo.url("Strategy/key-areas/enablers/using-data-well.md").path))
    }

    @Test func aNewVariantRecordsItsBasesEditionAndIsNeverWrittenTwice() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let variants = repo.url("Variants").path
        let action = NewVariantAction(pipeline(repo), base: repo.url("Variants/greener-north").path, audience: "Hill Town Council",
                                      type: "district", variants: variants, id: nil)
        #expect(action.id == "hill")
        #expect(try action.perform() == .written(path: variants + "/hill/variant.md"))
        let text = try repo.read("Variants/hill/variant.md")
        #expect(text.contains("\nid: hill\n") && text.contains("\nbase: ../greener-north\n") && text.contains("\nbase_edition: 2022\n"))
        #expect(try action.perform() == .exists(folder: variants + "/hill"))
    }

    /// Nothing to accept, then a base text never recorded is recorded, and only its line changes; a variant
    /// with another error is refused with that error alone.
    @Test func acceptBaseRecordsOnlyTheBaseTexts() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let district = repo.url("Variants/small-district").path
        #expect(try AcceptBaseAction(pipeline(repo), folder: district).perform() == .nothingToAccept(path: district + "/variant.md"))
        let original = try repo.read("Variants/small-district/variant.md")
        let baseLine = try #require(original.components(separatedBy: "\n").first { $0.hasPrefix("    base: ") })
        try repo.edit("Variants/small-district/variant.md", baseLine + "\n", "")
        #expect(try AcceptBaseAction(pipeline(repo), folder: district).perform()
                == .written(path: district + "/variant.md", accepted: 0, recorded: 1))
        // Recorded under the override's id, with the fingerprint it had; nothing else changes.
        let stripped = original.replacingOccurrences(of: baseLine + "\n", with: "")
        #expect(try repo.read("Variants/small-district/variant.md") == stripped.replacingOccurrences(
            of: "  - id: developing-talent-maturity\n", with: "  - id: developing-talent-maturity\n" + baseLine + "\n"))

        try repo.edit("Variants/riverside/variant.md", "base: ../greener-north", "base: ../greener-norht")
        guard case .blocked(let blocking) = try AcceptBaseAction(pipeline(repo), folder: repo.url("Variants/riverside").path).perform() else {
            Issue.record("not blocked")
            return
        }
        #expect(blocking.map(\.code) == [.variantBaseMissing])
    }

    /// Two editions compared by id; a side that names no revision is unreadable, a usage problem.
    @Test func diffComparesTwoEditionsOrSaysWhichCannotBeRead() throws {
        let root = PipelineSupport.packageRoot
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let compared = try DiffAction(pipeline(repo), old: root.appendingPathComponent("Editions/2018").path,
                                      new: root.appendingPathComponent("Strategy").path).perform()
        guard case .compared(let diff) = compared else {
            Issue.record("\(String(describing: compared))")
            return
        }
        #expect([diff.oldEdition, diff.newEdition] == ["2018", "2022"])
        #expect(diff.changes.count == 98)
        let unreadable = DiffAction(pipeline(repo), old: "git:", new: root.appendingPathComponent("Strategy").path)
        guard case .unreadable = try unreadable.perform() else {
            Issue.record("readable")
            return
        }
        #expect(unreadable.collector.diagnostics.map(\.message) == ["'git:' names no revision; write git:REV or git:REV:PATH"])
    }
}
