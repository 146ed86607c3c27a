import Foundation
@testable import StrategyRender
import Testing

@Suite struct AtomicFolderWriterTests {
    @Test func replacesTheWholeFolder() throws {
        let scratch = try RenderSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try AtomicFolderWriter().write([OutputFile(path: "old.html", text: "old")], to: site)
        try AtomicFolderWriter().write([OutputFile(path: "index.html", text: "new")], to: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["site"])
    }

    /// A write that fails half-way ("a" is written as a file, so "a/b" cannot be) leaves the previous
    /// output exactly as it was, and no staging folder behind.
    @Test func failedWriteLeavesPreviousOutputUntouched() throws {
        let scratch = try RenderSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try AtomicFolderWriter().write([OutputFile(path: "index.html", text: "previous")], to: site)
        #expect(throws: (any Error).self) {
            try AtomicFolderWriter().write([OutputFile(path: "a", text: "x"), OutputFile(path: "a/b", text: "y")], to: site)
        }
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["site"])
    }

    @Test(arguments: ["index.html", "key-areas/x-1.html", "assets/style.css", "toolkit.md"])
    func safePaths(_ path: String) { #expect(OutputFile.isSafe(path)) }

    @Test(arguments: ["../x.html", "/etc/passwd", "a/../b", "Key.html", "a b.html", "", "a//b", ".hidden"])
    func unsafePaths(_ path: String) { #expect(!OutputFile.isSafe(path)) }
}
