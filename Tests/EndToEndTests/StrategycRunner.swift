import Foundation
import TestSupport

/// Runs the built `strategyc` binary as a user would, capturing its output and exit status as text.
struct StrategycRunner {
    struct Result {
        var status: Int32
        /// True when the process ended by a signal (a crash), not by exiting.
        var crashed: Bool
        var stdout: String
        var stderr: String
        /// True when the process ran past its time limit and was killed.
        var timedOut = false
    }

    static let packageRoot = TestPaths.packageRoot

    /// `STRATEGYC_BIN` if set; otherwise the binary beside the test bundle, which `swift test` builds.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["STRATEGYC_BIN"] { return URL(fileURLWithPath: path) }
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("strategyc")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/strategyc")
    }()

    /// Runs the binary in `directory` (see `ProcessRunner` for the time limit and the output files).
    static func run(_ arguments: [String], in directory: URL = packageRoot, timeout: TimeInterval = 300,
                    environment extra: [String: String] = [:]) throws -> Result {
        let ran = try ProcessRunner.run(binary, arguments, in: directory, environment: extra, timeout: timeout)
        return Result(status: ran.status, crashed: ran.crashed, stdout: ran.stdoutText, stderr: ran.stderrText,
                      timedOut: ran.timedOut)
    }

    /// A scratch copy of the real `Strategy/` folder, to break on purpose.
    static func copyOfStrategy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("Strategy")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Strategy"), to: copy)
        return copy
    }
}
