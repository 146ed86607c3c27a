import Foundation
import StrategyModel
import StrategyPipeline
import StrategyRender
import Testing
import StrategyDiagnostics

/// `check` and `build` as actions, run in the test process: the steps in their order, what each goal
/// renders and writes, and that nothing is written when anything is wrong.
@Suite struct PublishActionTests {
    static let small = PipelineSupport.fixtures.appendingPathComponent("small")

    func pipeline(_ folder: URL = small, out: URL? = nil) -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: folder.path, templates: .builtIn, outputFolder: out?.path,
                                               generator: "strategyc test"),
                            collector: DiagnosticCollector())
    }

    @Test func theStepsOfEachJobAreNamedInOrder() {
        let check = PublishAction(pipeline(), goal: .check)
        #expect(check.stepNames == ["check the output folder", "compile the sources", "load the templates",
                                    "resolve the previous edition", "stamp the publication", "render the site",
                                    "render the workbook"])
        #expect(PublishAction(pipeline(), goal: .build, withVariants: "Variants").stepNames
                == check.stepNames + ["publish the variants", "write the output folder"])
        #expect(VariantPublishAction(pipeline(), folder: "Variants/riverside", goal: .build).stepNames
                == ["check the output folder", "resolve the variant", "check and render the variant", "write the output folder"])
        #expect(VariantBatchAction(pipeline(), folder: "Variants", goal: .check).stepNames
                == ["check the output folder", "find the variants", "resolve every variant", "check and render every variant",
                    "render the index"])
    }

    @Test func checkRendersEverythingAndWritesNothing() throws {
        let out = try PipelineSupport.scratch().appendingPathComponent("site")
        let action = PublishAction(pipeline(out: out), goal: .check)
        let outcome = try #require(try action.perform())
        #expect(action.collector.diagnostics.isEmpty)
        #expect(!outcome.written)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let paths = Set(outcome.publication.files.map(\.path))
        #expect(paths.isSuperset(of: ["index.html", "toolkit.md", "model.json", "assessment.xlsx", "assessment.csv"]))
        let summary = PublicationSummary(outcome.publication)
        #expect(summary.title == "Small Test Strategy")
        #expect(summary.edition == "2024")
        #expect([summary.themes, summary.keyAreas, summary.enablers, summary.levels, summary.retiredKeyAreas] == [1, 1, 1, 3, 1] as [Int])
        #expect(summary.variantSites == 0)
        #expect(summary.files == outcome.publication.files.count)
        #expect(summary.pages == outcome.publication.files.filter { $0.path.hasSuffix(".html") }.count)
    }

    @Test func buildWritesTheFolderAndNothingWhenSomethingIsWrong() throws {
        let scratch = try PipelineSupport.scratch()
        let sources = scratch.appendingPathComponent("small")
        try FileManager.default.copyItem(at: Self.small, to: sources)
        let out = scratch.appendingPathComponent("site")
        let built = try #require(try PublishAction(pipeline(sources, out: out), goal: .build).perform())
        #expect(built.written)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written.contains("index.html") && written.contains(".strategyc-output.json"))
        let index = try Data(contentsOf: out.appendingPathComponent("index.html"))

        // A key area on a theme that does not exist: an error, so the earlier build is left as it was.
        let councillors = sources.appendingPathComponent("key-areas/people/councillors.md")
        let text = try String(contentsOf: councillors, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "theme: people", with: "theme: peple").utf8).write(to: councillors)
        let broken = PublishAction(pipeline(sources, out: out), goal: .build)
        let outcome = try #require(try broken.perform())
        #expect(!outcome.written)
        #expect(outcome.publication.files.isEmpty)
        #expect(broken.collector.diagnostics.map(\.code).contains(.unknownTheme))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == written)
        #expect(try Data(contentsOf: out.appendingPathComponent("index.html")) == index)
    }

    @Test func aFolderThatLeavesNoModelStopsAfterTheTemplates() throws {
        let empty = try PipelineSupport.scratch().appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let action = PublishAction(pipeline(empty), goal: .check)
        #expect(try action.perform()?.publication == nil)
        #expect(action.collector.hasErrors)
    }

    @Test func aBatchOfNoVariantsSaysSo() throws {
        let folder = try PipelineSupport.scratch()
        let action = VariantBatchAction(pipeline(), folder: folder.path + "/", goal: .check)
        #expect(try action.perform()?.count == nil)
        #expect(action.collector.diagnostics.map(\.message) == ["'\(folder.path)' holds no variant (no sub-folder with a variant.md)"])
        #expect(action.collector.diagnostics.map(\.code) == [.variantBaseMissing])
    }

    @Test func aBatchWithOneFailedVariantGivesNoFilesAndReportsEveryVariant() throws {
        let scratch = try PipelineSupport.scratch()
        let root = PipelineSupport.packageRoot
        try FileManager.default.copyItem(at: root.appendingPathComponent("Strategy"), to: scratch.appendingPathComponent("Strategy"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("Variants"), to: scratch.appendingPathComponent("Variants"))
        let broken = scratch.appendingPathComponent("Variants/small-district/variant.md")
        let text = try String(contentsOf: broken, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ntype: district\n", with: "\ntype: parish\n").utf8).write(to: broken)
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: scratch.appendingPathComponent("Strategy").path,
                                                              templates: .builtIn, generator: "strategyc test"),
                                           collector: DiagnosticCollector())
        let action = VariantBatchAction(pipeline, folder: scratch.appendingPathComponent("Variants").path, goal: .check)
        #expect(try action.perform()?.count == nil)
        let errors = action.collector.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.range.start.path) == [broken.path])
    }

    /// Regression: a variant.md whose front matter could not be read, or that names no base, was passed by
    /// `check --variant` in silence (exit 0): the chain of bases stopped without a word, trusting a read
    /// of variant.md that never came.
    @Test(arguments: [
        ("---\nid: broken\n", DiagnosticCode.frontMatterUnclosed, 1, 1),
        ("---\nid: nobase\ntitle: T\nfor: Town\ntype: district\n---\n\nAn introduction.\n", DiagnosticCode.missingKey, 1, 1),
    ])
    func aVariantWhoseBaseCannotBeReadIsAnError(text: String, code: DiagnosticCode, line: Int, column: Int) throws {
        let folder = try PipelineSupport.scratch().appendingPathComponent("town")
        try PipelineSupport.write(text, to: folder.appendingPathComponent("variant.md"))
        let action = VariantPublishAction(pipeline(), folder: folder.path, goal: .check)
        #expect(try action.perform()?.publication == nil)
        let errors = action.collector.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.range.start.path == folder.appendingPathComponent("variant.md").path)
        #expect(errors.first.map { [$0.range.start.line, $0.range.start.column] } == [line, column])
    }
}
