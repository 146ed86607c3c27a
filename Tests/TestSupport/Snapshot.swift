import Foundation

/// Golden files: the one matcher every test target uses. `STRATEGYC_RECORD=1 swift test` rewrites them
/// from the current output instead of comparing; review the diff before committing it.
public enum Snapshot {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["STRATEGYC_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `url` (or records it), giving what was expected: the
    /// file's text, or a line saying how to make it.
    public static func compare(_ actual: String, with url: URL) throws -> (matches: Bool, expected: String) {
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return (true, actual)
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return (false, "<no golden file \(url.lastPathComponent): run STRATEGYC_RECORD=1 swift test>")
        }
        return (expected == actual, expected)
    }
}
