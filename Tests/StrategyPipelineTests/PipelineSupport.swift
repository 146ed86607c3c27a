import Foundation
import StrategyCompiler
import StrategyModel

/// Scratch folders and fixtures for the pipeline tests.
enum PipelineSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures")

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve /tmp links once, so that expected paths compare with what the guard reports.
        return url.resolvingSymlinksInPath()
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
