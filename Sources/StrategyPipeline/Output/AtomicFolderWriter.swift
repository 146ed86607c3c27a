import Foundation
import StrategyRender

/// Writes a build's files so that the output folder is either the complete new build or untouched.
///
/// Everything is written into a fresh staging folder beside the destination, together with the manifest
/// that marks the folder as strategyc's; the staging folder then replaces the old folder by renames. A
/// failure at any point removes the staging folder and leaves the previous output exactly as it was.
///
/// The writer does not decide whether the destination may be replaced: `OutputGuard` does, before any
/// rendering, and the pipeline calls the writer only when the guard found nothing to refuse.
struct AtomicFolderWriter {
    var generator: String

    func write(_ files: [OutputFile], to destination: URL) throws {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(UUID().uuidString)")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var folders: Set<String> = [""]  // each folder is made once, not once per file
            for file in files.sorted(by: { $0.path < $1.path }) {
                let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
                if folders.insert(folder).inserted {
                    try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
                try file.contents.write(to: staging.appendingPathComponent(file.path))
            }
            let manifest = OutputManifest(files: files, generator: generator)
            try manifest.data.write(to: staging.appendingPathComponent(OutputManifest.fileName))
            try replace(destination, with: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    private func replace(_ destination: URL, with staging: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: destination.path) else {
            try fileManager.moveItem(at: staging, to: destination)
            return
        }
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(UUID().uuidString)")
        try fileManager.moveItem(at: destination, to: old)
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.moveItem(at: old, to: destination)
            throw error
        }
        try? fileManager.removeItem(at: old)
    }
}
