import Foundation
import ServiceLifecycle

/// Watches the folders a build reads and rebuilds when anything in them changes: one build at a time,
/// after the edits have settled.
///
/// It polls rather than subscribing to inotify or FSEvents: a fingerprint of a strategy's few dozen files
/// (path, size, modification time) costs well under a millisecond, works the same on Linux and macOS,
/// on network and container-mounted folders, and sees an editor's save-by-rename, which event APIs report
/// in ways that differ from editor to editor.
public struct SourceWatcher: Service {
    /// Folders (or single files) whose contents feed the build; missing ones are skipped.
    public var roots: [String]
    public var pollInterval: Duration = .milliseconds(250)
    /// How long the files must stay unchanged before a rebuild starts, so that a save that writes several
    /// files, or an editor's write-then-rename, gives one build, not several.
    public var settleInterval: Duration = .milliseconds(200)

    private let state: PreviewState
    private let build: @Sendable () -> PreviewBuild
    private let onBuild: @Sendable (PreviewBuild, Duration) -> Void

    public init(roots: [String], state: PreviewState, build: @escaping @Sendable () -> PreviewBuild,
                onBuild: @escaping @Sendable (PreviewBuild, Duration) -> Void) {
        self.roots = roots
        self.state = state
        self.build = build
        self.onBuild = onBuild
    }

    public func run() async throws {
        // On Ctrl-C the loop is cancelled, and the open pages' event streams are closed so that the HTTP
        // server, which stops after this service, has no connection left waiting.
        try? await cancelWhenGracefulShutdown {
            try await self.watch()
        }
        await state.close()
    }

    /// The first build at once; then a build after every settled change. The fingerprint is taken before
    /// each build, so an edit made while a build runs starts another one.
    func watch() async throws {
        var built = fingerprint()
        await rebuild()
        while true {
            try await Task.sleep(for: pollInterval)
            var current = fingerprint()
            guard current != built else { continue }
            while true {
                try await Task.sleep(for: settleInterval)
                let again = fingerprint()
                if again == current { break }
                current = again
            }
            built = current
            await rebuild()
        }
    }

    private func rebuild() async {
        let clock = ContinuousClock()
        let start = clock.now
        let build = self.build
        // The build is synchronous CPU work: it runs on a thread of its own, not on the pool that serves
        // requests, so pages keep loading while it runs.
        let result = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: build()) }
        }
        await state.record(result)
        onBuild(result, clock.now - start)
    }

    /// Every regular file under the roots, with its size and modification time, in path order.
    func fingerprint() -> [FileStamp] {
        var stamps: [FileStamp] = []
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for root in roots {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            let rootURL = URL(fileURLWithPath: root)
            guard isFolder.boolValue else {
                stamps.append(FileStamp(url: rootURL, path: root))
                continue
            }
            guard let walker = manager.enumerator(at: rootURL, includingPropertiesForKeys: keys,
                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                stamps.append(FileStamp(url: url, path: url.path))
            }
        }
        return stamps.sorted { $0.path < $1.path }
    }
}

/// What the watcher compares: a file's path, size and modification time.
struct FileStamp: Equatable {
    var path: String
    var size: Int
    var modified: Date?

    init(url: URL, path: String) {
        let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey])
        self.path = path
        size = values?.fileSize ?? -1
        modified = values?.contentModificationDate
    }
}
