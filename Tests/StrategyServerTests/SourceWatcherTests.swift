import Foundation
import Testing
@testable import StrategyServer

@Suite struct SourceWatcherTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("key-areas"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: url.appendingPathComponent("key-areas/a.md"))
        return url
    }

    private func watcher(_ roots: [String]) -> SourceWatcher {
        SourceWatcher(roots: roots, state: PreviewState(), build: { PreviewBuild(files: [:], diagnostics: []) },
                      onBuild: { _, _ in })
    }

    @Test func theFingerprintSeesEditsAdditionsAndRemovalsButNotHiddenFiles() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = watcher([root.path, root.appendingPathComponent("missing").path])
        let first = watcher.fingerprint()
        #expect(first.map(\.path) == [root.appendingPathComponent("key-areas/a.md").path])
        #expect(watcher.fingerprint() == first)
        try Data("ab".utf8).write(to: root.appendingPathComponent("key-areas/a.md"))
        let edited = watcher.fingerprint()
        #expect(edited != first)
        try Data("x".utf8).write(to: root.appendingPathComponent(".a.md.swp"))
        #expect(watcher.fingerprint() == edited)
        try Data("b".utf8).write(to: root.appendingPathComponent("key-areas/b.md"))
        #expect(watcher.fingerprint().count == 2)
        try FileManager.default.removeItem(at: root.appendingPathComponent("key-areas/b.md"))
        #expect(watcher.fingerprint() == edited)
    }

    @Test func aSameSizeEditIsSeenByItsModificationTime() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("key-areas/a.md")
        let watcher = watcher([root.path])
        let first = watcher.fingerprint()
        try Data("z".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)], ofItemAtPath: file.path)
        #expect(watcher.fingerprint() != first)
    }
}
