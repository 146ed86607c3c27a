import Foundation
import StrategyModel
import StrategyDiagnostics

/// What the preview server knows: the last good build (what it serves), the latest build (what the banner
/// and the diagnostics page describe), and the open pages waiting to be told to reload.
///
/// Every completed build, good or bad, gets the next generation number and tells every open page: a page
/// must reload to show the banner when the sources break, and again to lose it when they are fixed.
public actor PreviewState {
    /// The files of the last build without errors; nil until there has been one.
    public private(set) var site: [String: Data]?
    /// The most recent build's diagnostics (those of the build that is being served or of a later,
    /// failed one).
    public private(set) var diagnostics: [Diagnostic] = []
    /// Whether the most recent build succeeded (false before the first build).
    public private(set) var latestSucceeded = false
    /// The most recent build's errors and warnings.
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    /// Counts completed builds; 0 before the first.
    public private(set) var generation = 0
    /// The files that diagnostics name, in order, so the source view is reached by number and a request can
    /// never name a file of its own choosing.
    public private(set) var diagnosedFiles: [String] = []

    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var closed = false

    public init() {}

    /// Records a completed build and tells every open page.
    public func record(_ build: PreviewBuild) {
        generation += 1
        diagnostics = build.diagnostics
        latestSucceeded = build.succeeded
        errorCount = build.errorCount
        warningCount = build.warningCount
        if build.succeeded, let files = build.files { site = files }
        var files: [String] = []
        for diagnostic in build.diagnostics {
            let path = diagnostic.location.path
            if diagnostic.location.sheet == nil, !files.contains(path) { files.append(path) }
        }
        diagnosedFiles = files
        for listener in listeners.values { listener.yield(generation) }
    }

    /// A stream of generation numbers, one per completed build from now on; it ends when the server stops.
    public func listen() -> (id: UUID, builds: AsyncStream<Int>) {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        if closed { continuation.finish() } else { listeners[id] = continuation }
        return (id, stream)
    }

    public func stopListening(_ id: UUID) {
        listeners.removeValue(forKey: id)?.finish()
    }

    /// Ends every stream, so that open pages' connections close and the server can stop.
    public func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    public var listenerCount: Int { listeners.count }

    /// What the banner says while the latest build has failed; nil when it succeeded or none has finished.
    public var failedBuild: (errors: Int, warnings: Int)? {
        generation > 0 && !latestSucceeded ? (errorCount, warningCount) : nil
    }
}
