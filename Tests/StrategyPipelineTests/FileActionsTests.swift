import Foundation
import StrategyModel
import StrategyPipeline
import Testing
import StrategyDiagnostics

/// The actions that write one file (the workbook, the export, the answers read), run in the test
/// process: what they write, and that they refuse a file strategyc did not write.
@Suite struct FileActionsTests {
    static let small = PipelineSupport.fixtures.appendingPathComponent("small")
    static let root = PipelineSupport.packageRoot

    func pipeline(_ folder: URL = small) -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: folder.path, generator: "strategyc test"),
                            collector: DiagnosticCollector())
    }

    @Test func theWorkbookIsWrittenAndAFileWithAnythingElseIsRefused() throws {
        let scratch = try PipelineSupport.scratch()
        let output = scratch.appendingPathComponent("assessment.xlsx")
        let action = WorkbookAction(pipeline(), variant: nil, output: output.path)
        let outcome = try #require(try action.perform())
        #expect(outcome.written)
        #expect(outcome.strategy.edition == "2024")
        #expect(try Data(contentsOf: output) == outcome.workbook.contents)
        #expect(outcome.workbook.contents.prefix(2) == Data("PK".utf8))

        let notes = scratch.appendingPathComponent("notes.xlsx")
        try Data("my notes".utf8).write(to: notes)
        let refused = WorkbookAction(pipeline(), variant: nil, output: notes.path)
        #expect(try refused.perform()?.written != true)
        #expect(refused.collector.diagnostics.map(\.code) == [.outputNotOwned])
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes")
    }

    @Test func theExportIsHandedBackOrWritten() throws {
        let handedBack = try #require(try ExportAction(pipeline(), variant: nil, output: nil).perform())
        #expect(!handedBack.written)
        #expect(handedBack.edition == "2024")
        let model = try JSONSerialization.jsonObject(with: handedBack.document) as? [String: Any]
        #expect(model?["title"] as? String == "Small Test Strategy")

        let output = try PipelineSupport.scratch().appendingPathComponent("model.json")
        let written = try #require(try ExportAction(pipeline(), variant: nil, output: output.path).perform())
        #expect(written.written)
        #expect(try Data(contentsOf: output) == handedBack.document)
    }

    @Test func returnsReadBackSayHowMuchIsAnswered() throws {
        let output = try PipelineSupport.scratch().appendingPathComponent("answers.json")
        let returns = ["finance", "housing"].map { Self.root.appendingPathComponent("Examples/returns/riverside-2026-\($0).xlsx").path }
        let action = ReadReturnsAction(pipeline(Self.root.appendingPathComponent("Strategy")), returns: returns,
                                       variant: Self.root.appendingPathComponent("Variants/riverside").path, output: output.path)
        let outcome = try #require(try action.perform())
        #expect(!action.collector.hasErrors)
        #expect(outcome.written)
        #expect(outcome.returns.map(\.completed.path) == returns)
        #expect(outcome.returns.allSatisfy { $0.answered > 0 && $0.answered <= $0.indicators })
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        #expect(document?["format"] as? String == "strategyc-returns-1")
        #expect((document?["returns"] as? [Any])?.count == 2)
    }

    @Test func noAnswersAreWrittenWhenAReturnHasErrors() throws {
        let output = try PipelineSupport.scratch().appendingPathComponent("answers.json")
        let returns = [Self.root.appendingPathComponent("README.md").path,
                       Self.root.appendingPathComponent("Examples/returns/riverside-2026-finance.xlsx").path]
        let action = ReadReturnsAction(pipeline(Self.root.appendingPathComponent("Strategy")), returns: returns,
                                       variant: Self.root.appendingPathComponent("Variants/riverside").path, output: output.path)
        let outcome = try #require(try action.perform())
        #expect(action.collector.diagnostics.filter { $0.severity == .error }.map(\.code) == [.returnUnreadable])
        #expect(outcome.returns.map(\.completed.path) == [returns[1]])
        #expect(!outcome.written)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
