import Foundation
import StrategyModel
import StrategyPipeline
import Testing
import StrategyDiagnostics

/// Recording returns and reporting on them, as actions run in the test process, on the example returns
/// of Riverside (three respondents in 2026, one in 2025, made from the Riverside variant).
@Suite struct ReturnActionsTests {
    static let root = PipelineSupport.packageRoot
    static func example(_ name: String) -> String { root.appendingPathComponent("Examples/returns/\(name).xlsx").path }
    static let thisRound = ["riverside-2026-finance", "riverside-2026-housing", "riverside-2026-procurement"].map(example)

    func pipeline(out: URL? = nil) -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: Self.root.appendingPathComponent("Strategy").path,
                                               templates: .builtIn, outputFolder: out?.path, generator: "strategyc test"),
                            collector: DiagnosticCollector())
    }

    @Test func returnsAreRecordedOnceAndTheSameFilesAgainChangeNothing() throws {
        let store = try PipelineSupport.scratch().appendingPathComponent("store.sqlite").path
        let files = Self.thisRound + [Self.example("riverside-2025-procurement")]
        func record() throws -> (RecordReturnsAction.Outcome, [Diagnostic]) {
            let action = RecordReturnsAction(pipeline(), files: files, store: store,
                                             variantsFolder: Self.root.appendingPathComponent("Variants").path,
                                             recordedAt: "2026-12-03T00:00:00Z")
            return (try #require(try action.perform()), action.collector.diagnostics)
        }
        let (first, diagnostics) = try record()
        #expect(diagnostics.isEmpty)
        #expect(first.entries.map(\.path) == files)
        #expect(first.entries.map { if case .added = $0.result { true } else { false } } == [true, true, true, true])
        #expect(first.returns == 4)
        #expect(first.councils == 1)
        let (again, _) = try record()
        #expect(again.entries.map { if case .unchanged = $0.result { true } else { false } } == [true, true, true, true])
        #expect(again.returns == 4)
    }

    @Test func aFileThatIsNotAReturnIsRefusedAndTheOthersRecorded() throws {
        let store = try PipelineSupport.scratch().appendingPathComponent("store.sqlite").path
        let readme = Self.root.appendingPathComponent("README.md").path
        let action = RecordReturnsAction(pipeline(), files: [readme, Self.example("riverside-2026-housing")], store: store,
                                         variantsFolder: Self.root.appendingPathComponent("Variants").path,
                                         recordedAt: "2026-12-03T00:00:00Z")
        let outcome = try #require(try action.perform())
        #expect(outcome.entries.map { if case .refused = $0.result { "refused" } else { "recorded" } } == ["refused", "recorded"])
        #expect(outcome.returns == 1)
        #expect(action.collector.hasErrors)
        #expect(action.collector.diagnostics.allSatisfy { $0.range.start.path == readme })
    }

    @Test func aReportIsWrittenFromEveryRespondent() throws {
        let out = try PipelineSupport.scratch().appendingPathComponent("report")
        let action = ReportAction(pipeline(out: out), returns: Self.thisRound,
                                  previous: [Self.example("riverside-2025-procurement")],
                                  variant: Self.root.appendingPathComponent("Variants/riverside").path)
        let outcome = try #require(try action.perform())
        #expect(action.collector.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(outcome.written)
        #expect(outcome.returns.count == 3)
        #expect(outcome.earlier.count == 1)
        let paths = Set(outcome.files.map(\.path))
        #expect(paths.isSuperset(of: ["index.html", "report.md", "report.json", "actions.csv"]))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.json").path))
    }

    @Test func aReportAskedForPeersFromAnotherFileIsNotWritten() throws {
        let out = try PipelineSupport.scratch().appendingPathComponent("report")
        let action = ReportAction(pipeline(out: out), returns: Self.thisRound,
                                  peers: Self.root.appendingPathComponent("README.md").path,
                                  variant: Self.root.appendingPathComponent("Variants/riverside").path)
        #expect(try action.perform()?.written == nil)
        #expect(action.collector.diagnostics.map(\.code) == [.peersUnusable])
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
