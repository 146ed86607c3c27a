import Foundation

/// The one way tests run a program to its end (strategyc, python3, git): output to files rather than
/// pipes, so that a large output cannot fill a pipe and stall the test, and a time limit, so that a hang
/// fails the test instead of the run (a guard, not a measurement: performance is scripts/benchmark's).
/// The preview server, which runs until it is stopped, has its own session type.
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        /// True when the process ended by a signal (a crash), not by exiting.
        public var crashed: Bool
        public var stdout: Data
        public var stderr: Data
        /// True when the process ran past its time limit and was killed.
        public var timedOut: Bool

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments` in `directory`, with `environment` added to the test's own. A
    /// process still running after `timeout` seconds is killed (SIGKILL: a run that is allocating without
    /// end may not act on SIGTERM for minutes) and reported as `timedOut`.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], timeout: TimeInterval = 300) throws -> Result {
        let scratch = try TestPaths.scratch("run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            finished.signal()
        }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        try out.close()
        try err.close()
        if let log = ProcessInfo.processInfo.environment["STRATEGYC_TEST_TIMES"] {
            let line = String(format: "%.3f\t", Date().timeIntervalSince(started)) + ([executable.lastPathComponent] + arguments).joined(separator: " ") + "\n"
            if let handle = FileHandle(forWritingAtPath: log) { handle.seekToEndOfFile(); handle.write(Data(line.utf8)); try? handle.close() }
        }
        return Result(status: process.terminationStatus,
                      crashed: process.terminationReason == .uncaughtSignal && !timedOut,
                      stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL), timedOut: timedOut)
    }

    /// A program found on the PATH (`python3`, `git`), through `/usr/bin/env`.
    public static func onPath(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        try run(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory)
    }
}
