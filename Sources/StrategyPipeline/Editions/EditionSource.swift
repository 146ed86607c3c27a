import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Where an edition's sources come from: a folder, or `git:REV[:PATH]`, the strategy folder (by default
/// `Strategy`) as it was at a git revision of the repository the command runs in (or that holds
/// `workingDirectory`, when one is given).
public struct EditionSource {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The folder to compile.
    public let folder: String
    /// How to name this side in output (`Strategy`, `git:v2018`).
    public let label: String
    /// A temporary copy to delete when done, for git revisions.
    private let temporary: URL?
    /// For a git revision, how paths inside the copy are shown: `git:REV:` followed by the path in the
    /// repository, never the temporary folder.
    private let displayPrefix: (copy: String, shown: String)?

    public init(_ specification: String, defaultPath: String = "Strategy", workingDirectory: String? = nil) throws {
        label = specification
        guard specification.hasPrefix("git:") else {
            folder = specification
            temporary = nil
            displayPrefix = nil
            return
        }
        let rest = specification.dropFirst(4)
        let parts = rest.split(separator: ":", maxSplits: 1)
        guard let revision = parts.first.map(String.init), !revision.isEmpty else {
            throw Failure(description: "'\(specification)' names no revision; write git:REV or git:REV:PATH")
        }
        let path = parts.count > 1 ? String(parts[1]) : defaultPath
        let top = try Self.run(["git"] + (workingDirectory.map { ["-C", $0] } ?? []) + ["rev-parse", "--show-toplevel"])
            .trimmingSpacesAndNewlines()
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
        displayPrefix = (folder, "git:\(revision):\(path)")
    }

    /// A path inside this edition as a person should see it.
    public func displayPath(_ path: String) -> String {
        guard let displayPrefix, path.hasPrefix(displayPrefix.copy) else { return path }
        return displayPrefix.shown + path.dropFirst(displayPrefix.copy.count)
    }

    /// The diagnostics of this edition with their paths (and their notes' and fix-its') shown as the user
    /// named the edition.
    public func display(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard displayPrefix != nil else { return diagnostics }
        func shown(_ range: SourceRange) -> SourceRange {
            var range = range
            range.start.path = displayPath(range.start.path)
            range.end.path = displayPath(range.end.path)
            return range
        }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.range = shown(diagnostic.range)
            diagnostic.notes = diagnostic.notes.map { note in
                var note = note
                note.range = note.range.map(shown)
                return note
            }
            diagnostic.fixIts = diagnostic.fixIts.map { fixIt in
                var fixIt = fixIt
                fixIt.range = shown(fixIt.range)
                return fixIt
            }
            return diagnostic
        }
    }

    public func cleanUp() {
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
            let message = String(decoding: err, as: UTF8.self).trimmingSpacesAndNewlines()
            let command = arguments.count > 3 && arguments[1] == "-C" ? [arguments[0], arguments[3]] : Array(arguments.prefix(2))
            throw Failure(description: "\(command.joined(separator: " ")) failed: \(message)")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
