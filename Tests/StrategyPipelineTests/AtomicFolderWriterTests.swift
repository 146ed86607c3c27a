import Foundation
@testable import StrategyPipeline
import StrategyRender
import Testing

@Suite struct AtomicFolderWriterTests {
    let writer = AtomicFolderWriter(generator: "strategyc test")

    @Test func replacesTheWholeFolderAndMarksIt() throws {
        let scratch = try PipelineSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try writer.write([OutputFile(path: "old.html", text: "old")], to: site)
        try writer.write([OutputFile(path: "index.html", text: "new")], to: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == [".strategyc-output.json", "index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["site"])
        let manifest = try #require(OutputManifest.read(in: site))
        // SHA-256 of "new".
        #expect(manifest.files == [.init(path: "index.html",
                                         sha256: "11507a0e2f5e69d5dfa40a62a1bd7b6ee57e6bcd85c67c9b8431b36fff21c437")])
        #expect(manifest.generator == "strategyc test")
    }

    /// A write that fails half-way ("a" is written as a file, so "a/b" cannot be) leaves the previous
    /// output exactly as it was, and no staging folder behind.
    @Test func failedWriteLeavesPreviousOutputUntouched() throws {
        let scratch = try PipelineSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try writer.write([OutputFile(path: "index.html", text: "previous")], to: site)
        #expect(throws: (any Error).self) {
            try writer.write([OutputFile(path: "a", text: "x"), OutputFile(path: "a/b", text: "y")], to: site)
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["site"])
    }

    @Test(arguments: ["index.html", "key-areas/x-1.html", "assets/style.css", "toolkit.md"])
    func safePaths(_ path: String) { #expect(OutputFile.isSafe(path)) }

    @Test(arguments: ["../x.html", "/etc/passwd", "a/../b", "Key.html", "a b.html", "", "a//b", ".hidden"])
    func unsafePaths(_ path: String) { #expect(!OutputFile.isSafe(path)) }
}
