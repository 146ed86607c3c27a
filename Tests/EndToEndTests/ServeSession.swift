import Foundation
import TestSupport

/// A running `strategyc serve` (or `collect serve`), started on a free port, and HTTP requests to it made
/// with curl (which can send a path as it is written, `..` and all, where URLSession would tidy it first),
/// keeping cookies in a jar as a browser would.
final class ServeSession {
    let process = Process()
    let scratch: URL
    private(set) var baseURL = ""

    struct Reply {
        var status: Int
        var type: String
        var body: String
    }

    /// Starts the server in `directory` with `arguments` after `command`, and waits for its address.
    init(_ arguments: [String], in directory: URL, command: [String] = ["serve"], environment: [String: String] = [:]) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] {
            _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil)
        }
        process.executableURL = StrategycRunner.binary
        process.arguments = command + arguments + ["--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        guard waitUntil(timeout: 60, { self.stdout.contains("(Ctrl-C to stop)\n") }),
              let url = stdout.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
            stop()
            throw ServeError.didNotStart(stdout: stdout, stderr: stderr)
        }
        baseURL = String(url)
    }

    enum ServeError: Error { case didNotStart(stdout: String, stderr: String) }

    /// The cookies the server has set, in curl's jar format (copy it to another session to go on as the
    /// same browser).
    var cookieJar: URL { scratch.appendingPathComponent("cookies") }

    var stdout: String { (try? String(contentsOf: scratch.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// GET `path` (relative to the server's root, without the leading slash).
    func get(_ path: String, pathAsIs: Bool = false) -> Reply {
        let body = scratch.appendingPathComponent("body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: body) }
        let written = curl((pathAsIs ? ["--path-as-is"] : []) + ["-o", body.path, "-w", "%{http_code} %{content_type}",
                                                                  baseURL + path])
        let parts = written.split(separator: " ", maxSplits: 1)
        return Reply(status: Int(parts.first ?? "") ?? 0, type: parts.count > 1 ? String(parts[1]) : "",
                     body: (try? String(contentsOf: body, encoding: .utf8)) ?? "")
    }

    /// POST `fields` as a form to `path`; the reply, and the redirect's target if any.
    func post(_ path: String, _ fields: [(String, String)]) -> Reply {
        let body = scratch.appendingPathComponent("body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: body) }
        let form = fields.flatMap { ["--data-urlencode", "\($0.0)=\($0.1)"] }
        let written = curl(form + ["-o", body.path, "-w", "%{http_code} %{content_type}", baseURL + path])
        let parts = written.split(separator: " ", maxSplits: 1)
        return Reply(status: Int(parts.first ?? "") ?? 0, type: parts.count > 1 ? String(parts[1]) : "",
                     body: (try? String(contentsOf: body, encoding: .utf8)) ?? "")
    }

    /// The server's status (`/_strategyc/status.json`), decoded.
    struct Status: Decodable, Equatable {
        var generation: Int
        var succeeded: Bool
        var serving: Bool
        var errors: Int
        var warnings: Int
    }

    func status() -> Status? {
        try? JSONDecoder().decode(Status.self, from: Data(get("_strategyc/status.json").body.utf8))
    }

    /// Waits until the server has completed a build later than `generation`, and returns its status.
    func nextBuild(after generation: Int, timeout: TimeInterval = 60) -> Status? {
        var latest: Status?
        _ = waitUntil(timeout: timeout) {
            latest = self.status()
            return (latest?.generation ?? 0) > generation
        }
        return (latest?.generation ?? 0) > generation ? latest : nil
    }

    /// Starts `curl -N` on the event stream in the background; its output goes to the returned file.
    func listenToEvents(seconds: Int) throws -> (Process, URL) {
        let file = scratch.appendingPathComponent("events-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = ["curl", "-sN", "--max-time", "\(seconds)", baseURL + "_strategyc/events"]
        listener.standardOutput = try FileHandle(forWritingTo: file)
        listener.standardError = FileHandle.nullDevice
        try listener.run()
        return (listener, file)
    }

    /// SIGINT, as Ctrl-C sends; waits up to 20 seconds, then kills.
    @discardableResult
    func interrupt() -> (status: Int32, stopped: Bool) {
        kill(process.processIdentifier, SIGINT)
        let stopped = waitUntil(timeout: 20) { !self.process.isRunning }
        if !stopped { stop() }
        process.waitUntilExit()
        return (process.terminationStatus, stopped && process.terminationReason == .exit)
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: scratch)
    }

    private func curl(_ arguments: [String]) -> String {
        let jar = cookieJar.path
        guard let (_, data) = try? ExternalProgram.run(["curl", "-s", "--max-time", "30", "-b", jar, "-c", jar] + arguments, quiet: true)
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Polls `condition` every 100 ms until it holds or `timeout` seconds pass: a guard against a hang, not a
/// measurement.
@discardableResult
func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.1)
    }
    return condition()
}
