import Foundation
import TestSupport

/// A throwaway copy of the project as a user has it: `Strategy/`, `Templates/`, a README and a git
/// repository holding them, so commands can be run from its root as a user would run them.
struct ScratchRepository {
    let root: URL

    init(git: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("strategyc-repo-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Strategy", "Templates", "Variants"] {
            try FileManager.default.copyItem(at: StrategycRunner.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        try Data("# Our strategy\n".utf8).write(to: root.appendingPathComponent("README.md"))
        if git {
            try shell(["git", "init", "-q"])
            try shell(["git", "add", "."])
            try shell(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "first"])
        }
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func run(_ arguments: [String], in folder: String? = nil, timeout: TimeInterval = 300) throws -> StrategycRunner.Result {
        try StrategycRunner.run(arguments, in: folder.map(url) ?? root, timeout: timeout)
    }

    func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }

    /// Replaces `old` (which must occur) with `new` in a file.
    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile, userInfo: ["missing": old]) }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// Every file under the root with its contents' size and a digest-free fingerprint (path and bytes),
    /// to show that a refused command touched nothing.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] {
            var isDirectory: ObjCBool = false
            let full = url(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
                files[path + "/"] = Data()
                continue
            }
            files[path] = try Data(contentsOf: url(path))
        }
        return files
    }

    func shell(_ arguments: [String]) throws {
        guard try ProcessRunner.onPath(arguments, in: root).status == 0 else {
            throw CocoaError(.executableLoad, userInfo: ["command": arguments.joined(separator: " ")])
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
