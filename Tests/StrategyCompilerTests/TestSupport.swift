import Foundation
import TestSupport
@testable import StrategyCompiler
import StrategyModel

/// Paths and scratch folders shared by the compiler tests.
enum TestSupport {
    /// The package's root folder, found from this file's path so tests work from any working directory.
    static let packageRoot = TestPaths.packageRoot

    static let fixtures = packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Fixtures")
    static let snapshots = packageRoot.appendingPathComponent("Tests/StrategyCompilerTests/Snapshots")

    static var isRecording: Bool { Snapshot.isRecording }

    /// A fresh copy of a fixture in a temporary folder, which the caller may change freely.
    static func copy(fixture name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("strategyc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let destination = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: destination)
        return destination
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Compares `actual` with a golden file, or records it when recording.
    static func matchesSnapshot(_ actual: String, named name: String) throws -> (matches: Bool, expected: String) {
        try Snapshot.compare(actual, with: snapshots.appendingPathComponent(name))
    }
}
