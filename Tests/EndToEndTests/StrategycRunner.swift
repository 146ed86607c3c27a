import Foundation
import TestSupport

/// Runs the built `strategyc` binary as a user would, capturing its output and exit status.
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

    /// Output goes to files, not pipes, so a large export cannot fill a pipe and stall the test.
    /// A process still running after `timeout` seconds is killed and reported as `timedOut`: a guard against a
    /// hang, not a measurement (performance is measured by scripts/benchmark).
    static func run(_ arguments: [String], in directory: URL = packageRoot, timeout: TimeInterval = 300,
                    environment extra: [String: String] = [:]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !extra.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + timeout
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        let timedOut = finished.wait(timeout: deadline) == .timedOut
        if timedOut {
            // SIGKILL, not SIGTERM: a run that is allocating without end may not act on SIGTERM for minutes.
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal && !timedOut,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8), timedOut: timedOut)
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
