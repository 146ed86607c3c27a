import Foundation
import TestSupport
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyDiagnostics

/// Fixtures, templates and golden files for the renderer tests.
enum RenderSupport {
    static let packageRoot = TestPaths.packageRoot
    static let templates = packageRoot.appendingPathComponent("Templates")
    static let snapshots = packageRoot.appendingPathComponent("Tests/StrategyRenderTests/Snapshots")
    static let smallFixture = packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures/small")

    static func model(_ folder: URL = smallFixture) throws -> Strategy {
        let compilation = try StrategyCompiler().compile(folder: folder.path)
        guard let strategy = compilation.strategy, compilation.succeeded else {
            throw CocoaError(.fileReadCorruptFile, userInfo: ["diagnostics": "\(compilation.diagnostics)"])
        }
        return strategy
    }

    static func templateSet(_ folder: URL = templates) throws -> TemplateSet {
        let collector = DiagnosticCollector()
        guard let set = TemplateSet.load(folder: folder.path, reportingTo: collector) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: ["diagnostics": "\(collector.diagnostics)"])
        }
        return set
    }

    static func site(_ strategy: Strategy) throws -> [String: String] {
        let collector = DiagnosticCollector()
        let files = SiteRenderer(templates: try templateSet(), stamp: stamp(strategy))
            .render(PublishedStrategy(strategy), reportingTo: collector)
        guard collector.diagnostics.isEmpty else {
            throw CocoaError(.fileWriteUnknown, userInfo: ["diagnostics": "\(collector.diagnostics)"])
        }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    static func stamp(_ strategy: Strategy) -> PublicationStamp {
        PublicationStamp(strategy, generator: "strategyc test")
    }

    static func scratch() throws -> URL {
        try TestPaths.scratch("render")
    }

    /// Compares with a golden file; `STRATEGYC_RECORD=1` rewrites it instead.
    static func matchesSnapshot(_ actual: String, named name: String) throws -> Bool {
        try Snapshot.compare(actual, with: snapshots.appendingPathComponent(name)).matches
    }
}
