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

    /// Set `STRATEGYC_RECORD=1` to rewrite golden files from the current output instead of comparing.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["STRATEGYC_RECORD"] == "1" }

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
        let url = snapshots.appendingPathComponent(name)
        if isRecording {
            try write(actual, to: url)
            return (true, actual)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            return (false, "<no golden file \(name): run STRATEGYC_RECORD=1 swift test>")
        }
        let expected = try read(url)
        return (expected == actual, expected)
    }
}
