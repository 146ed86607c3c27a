import Foundation
import TestSupport
import StrategyCompiler
import StrategyModel

/// Scratch folders and fixtures for the pipeline tests.
enum PipelineSupport {
    static let packageRoot = TestPaths.packageRoot
    static let fixtures = packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures")

    static func scratch() throws -> URL {
        try TestPaths.scratch("pipeline", resolvingLinks: true)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func model(_ folder: URL) throws -> Strategy {
        let compilation = try StrategyCompiler().compile(folder: folder.path)
        guard let strategy = compilation.strategy, compilation.succeeded else {
            throw CocoaError(.fileReadCorruptFile, userInfo: ["diagnostics": "\(compilation.diagnostics)"])
        }
        return strategy
    }
}
