import Foundation
import TestSupport
import Testing

/// Inputs made to break the compiler, by class. Each must give a positioned diagnostic (or safe output),
/// exit 1 for errors, never crash, never hang (a generous time limit kills a run that would), and never
/// leave a partial output folder. See docs/robustness.md for the limits. They run the binary so that a
/// crash or a hang is caught in a child process; content that is only unsafe to publish is built in the
/// test process (`StrategyPipelineTests.SafeContentTests`).
struct HostileCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// Changes a scratch copy of the repository.
    var change: @Sendable (ProjectCopy) throws -> Void
    var status: Int32
    /// What standard error must start with (after the scratch root is taken out); nil: empty.
    var stderrPrefix: String?
    var testDescription: String { name }
}

private let councillorsFile = "Strategy/key-areas/showing-leadership/engaging-councillors.md"

private func bytes(_ transform: @escaping @Sendable (Data) -> Data) -> @Sendable (ProjectCopy) throws -> Void {
    { repo in try transform(Data(contentsOf: repo.url(councillorsFile))).write(to: repo.url(councillorsFile)) }
}

private func text(_ old: String, _ new: String) -> @Sendable (ProjectCopy) throws -> Void {
    { repo in try repo.edit(councillorsFile, old, new) }
}

/// `## Description\n\n` is line 10 and 11 of the key area, so its first paragraph starts on line 12.
private let description = "## Description\n\n"

let hostileCases: [HostileCase] = [
    HostileCase(name: "invalid UTF-8", change: bytes { data in
        var copy = data
        copy.replaceSubrange(copy.startIndex + 4..<copy.startIndex + 4, with: [0xC3, 0x28])
        return copy
    }, status: 1, stderrPrefix: "\(councillorsFile):2:1: error: file is not valid UTF-8 (byte 0xC3); save it as UTF-8 [file-not-utf8]"),
    HostileCase(name: "UTF-16 with a byte-order mark", change: bytes { data in
        Data([0xFF, 0xFE]) + String(decoding: data, as: UTF8.self).data(using: .utf16LittleEndian)!
    }, status: 1, stderrPrefix: "\(councillorsFile):1:1: error: file is UTF-16 (little-endian) text; save it as UTF-8 [file-not-utf8]"),
    HostileCase(name: "NUL byte", change: text(description, description + "A\u{0}B"),
                status: 1, stderrPrefix: "\(councillorsFile):12:2: error: file contains a NUL byte, so it is not a text file [file-binary]"),
    HostileCase(name: "terminal escape and bell", change: text(description, description + "Look \u{1B}[2J\u{7}here. "),
                status: 1, stderrPrefix: "\(councillorsFile):12:6: error: file contains the control character U+001B and 1 more, which cannot be published; delete it (it is invisible in most editors) [control-character]"),
    HostileCase(name: "file over the size limit", change: text(description, description + String(repeating: "word ", count: 220_000)),
                status: 1, stderrPrefix: "\(councillorsFile):1:1: error: file is 1"),
    HostileCase(name: "YAML nested 5,000 deep", change: text("order: 1\n", "order: 1\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"),
                status: 1, stderrPrefix: "\(councillorsFile):6:"),
    HostileCase(name: "YAML alias bomb", change: { repo in
        let lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + (1..<10).map { "a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]" }
        try repo.edit(councillorsFile, "order: 1\n", "order: 1\n" + lines.joined(separator: "\n") + "\n")
    }, status: 1, stderrPrefix: "\(councillorsFile):6:5: error: front matter may not use an anchor (`&name`)"),
    HostileCase(name: "a key given twice", change: text("order: 1\n", "order: 1\norder: 2\n"),
                status: 1, stderrPrefix: "\(councillorsFile):6:1: error: key `order` is given more than once; keep one [duplicate-key]"),
    HostileCase(name: "a link to a file outside the strategy", change: { repo in
        try "---\nid: secret\n---\n".write(to: repo.url("secret.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: repo.url("Strategy/key-areas/showing-leadership/leak.md").path,
                                                   withDestinationPath: repo.url("secret.md").path)
    }, status: 1, stderrPrefix: "Strategy/key-areas/showing-leadership/leak.md: error: 'key-areas/showing-leadership/leak.md' is a symbolic link; strategyc never follows links"),
    HostileCase(name: "a link to a folder outside the strategy", change: { repo in
        try FileManager.default.createSymbolicLink(atPath: repo.url("Strategy/key-areas/outside").path, withDestinationPath: "/etc")
    }, status: 1, stderrPrefix: "Strategy/key-areas/outside: error: 'key-areas/outside' is a symbolic link"),
    HostileCase(name: "an id that tries to leave the output folder", change: text("id: engaging-councillors", "id: ../../etc/passwd"),
                status: 1, stderrPrefix: "\(councillorsFile):2:5: error: "),
    HostileCase(name: "a file name holding a terminal escape", change: { repo in
        try FileManager.default.moveItem(at: repo.url(councillorsFile),
                                         to: repo.url("Strategy/key-areas/showing-leadership/x\u{1B}[31m.md"))
    }, status: 0, stderrPrefix: "Strategy/key-areas/showing-leadership/x\\u{1B}[31m.md:2:5: warning: file 'x\\u{1B}[31m.md' holds key area"),
]

@Suite struct HostileInputTests {
    @Test(arguments: hostileCases)
    func refusedWithADiagnosticAndNoOutput(_ hostile: HostileCase) throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try hostile.change(repo)
        let result = try repo.run(["build", "--out", "site"], timeout: 60)
        #expect(!result.crashed && !result.timedOut, "\(result.stderr.prefix(500))")
        #expect(result.status == hostile.status, "\(result.stderr.prefix(2000))")
        #expect(result.stderr.hasPrefix(hostile.stderrPrefix ?? ""), "\(result.stderr.prefix(2000))")
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"), "a raw escape reached the terminal")
        #expect(FileManager.default.fileExists(atPath: repo.url("site").path) == (hostile.status == 0))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    /// Markdown nested far deeper than any page needs is cut at a safe depth, not a crash.
    @Test func deepMarkdownIsSafe() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillorsFile, description, description + String(repeating: "> ", count: 20_000) + "deep\n\n"
                      + String(repeating: "- ", count: 10_000) + "x\n\n" + String(repeating: "[", count: 50_000) + "\n\n")
        let result = try repo.run(["build", "--out", "site"], timeout: 60)
        #expect(!result.crashed && !result.timedOut)
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(try repo.read("site/key-areas/engaging-councillors.html").contains("deep"))
    }
}
