import Foundation
import StrategyPipeline

/// A one-line progress report for long work (a batch of variants), rewritten in place on standard error.
///
/// Shown only when standard error is a terminal and the `CI` environment variable is not set: a log, a pipe
/// or a CI job gets nothing but the closing line that says what was written. At most ten updates a second,
/// and the line is cleared before anything else is printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Nil when progress should not be shown.
    static func forTerminal() -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        return ProgressLine()
    }

    func update(_ progress: PublicationPipeline.BatchProgress) {
        let (stage, done, total) = switch progress {
        case .resolving(let done, let total): ("checking variants", done, total)
        case .rendering(let done, let total): ("rendering variants", done, total)
        case .readingReturns(let done, let total): ("reading returns", done, total)
        case .recordingReturns(let done, let total): ("recording returns", done, total)
        }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage): \(done)/\(total)".utf8))
    }

    /// Clears the line, so that diagnostics and the closing line start on a clean line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
