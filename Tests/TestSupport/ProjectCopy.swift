import Foundation

/// A throwaway copy of the project as a user has it, to break on purpose: `Strategy/`, `Templates/`,
/// `Variants/` and a README; when asked, the strategy as first copied kept aside in `Previous/Strategy` as
/// the edition before it, and a git repository holding it all in one commit. The end-to-end tests
/// run the binary in it; the pipeline tests perform the actions on it.
public struct ProjectCopy {
    public let root: URL

    /// - Parameters:
    ///   - git: also make the copy a git repository with one commit, for `git:HEAD`.
    ///   - previous: also keep the strategy as first copied in `Previous/Strategy`, as the edition before.
    public init(git: Bool = false, previous: Bool = false) throws {
        root = try TestPaths.scratch("project", resolvingLinks: true)
        for folder in ["Strategy", "Templates", "Variants"] {
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        if previous {
            try FileManager.default.createDirectory(at: url("Previous"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: url("Strategy"), to: url("Previous/Strategy"))
        }
        try Data("# Our strategy\n".utf8).write(to: url("README.md"))
        if git {
            try self.git(["init", "-q"])
            try self.git(["add", "."])
            try commit("first")
        }
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    public func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }

    /// Replaces `old` (which must occur) with `new` in a file.
    public func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try read(path)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile, userInfo: ["missing": old]) }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    public func move(_ path: String, to newPath: String) throws {
        try FileManager.default.moveItem(at: url(path), to: url(newPath))
    }

    /// Runs a program found on the PATH in the root; throws if it fails.
    public func shell(_ arguments: [String]) throws {
        guard try ProcessRunner.onPath(arguments, in: root).status == 0 else {
            throw CocoaError(.executableLoad, userInfo: ["command": arguments.joined(separator: " ")])
        }
    }

    public func git(_ arguments: [String]) throws {
        try shell(["git"] + arguments)
    }

    public func commit(_ message: String) throws {
        try git(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", message])
    }

    /// Every file under the root with its contents (folders as empty entries), to show that a refused
    /// command touched nothing.
    public func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                files[path + "/"] = Data()
                continue
            }
            files[path] = try Data(contentsOf: url(path))
        }
        return files
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}
