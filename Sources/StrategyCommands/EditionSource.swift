import Foundation

/// Where an edition's sources come from: a folder, or `git:REV[:PATH]`, the strategy folder (by default
/// `Strategy`) as it was at a git revision of the repository the command runs in.
struct EditionSource {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The folder to compile.
    let folder: String
    /// How to name this side in output (`Strategy`, `git:v2018`).
    let label: String
    /// A temporary copy to delete when done, for git revisions.
    private let temporary: URL?

    init(_ specification: String, defaultPath: String = "Strategy") throws {
        label = specification
        guard specification.hasPrefix("git:") else {
            folder = specification
            temporary = nil
            return
        }
        let rest = specification.dropFirst(4)
        let parts = rest.split(separator: ":", maxSplits: 1)
        guard let revision = parts.first.map(String.init), !revision.isEmpty else {
            throw Failure(description: "'\(specification)' names no revision; write git:REV or git:REV:PATH")
        }
        let path = parts.count > 1 ? String(parts[1]) : defaultPath
        let top = try Self.run(["git", "rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let archive = scratch.appendingPathComponent("edition.tar")
        do {
            _ = try Self.run(["git", "-C", top, "archive", "--format=tar", "-o", archive.path, revision, "--", path])
            _ = try Self.run(["tar", "-xf", archive.path, "-C", scratch.path])
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
        folder = scratch.appendingPathComponent(path).path
        temporary = scratch
    }

    func cleanUp() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Runs a command and returns its standard output, or throws with its standard error.
    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(arguments[0]): \(error.localizedDescription)")
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let command = arguments.count > 3 && arguments[1] == "-C" ? [arguments[0], arguments[3]] : Array(arguments.prefix(2))
            throw Failure(description: "\(command.joined(separator: " ")) failed: \(message)")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
