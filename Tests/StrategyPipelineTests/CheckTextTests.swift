import Foundation
import TestSupport
import StrategyDiagnostics
import Testing

/// What `check` reports for files that cannot be read as sources, and that it reports every problem in
/// one run: in the test process, on a copy of the project, in the text `check FOLDER` writes (absolute
/// paths, as the folder is given absolutely). `EndToEndTests.CheckCommandTests` keeps what the command line
/// adds (the folder by default, standard output).
@Suite struct CheckTextTests {
    private func check(_ repo: ProjectCopy) throws -> ProjectCopy.CheckedText {
        try repo.checkText(relativePaths: false)
    }

    @Test func missingClosingDelimiterIsReported() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let root = repo.url("Strategy")
        let file = root.appendingPathComponent("key-areas/behaving-commercially/managing-strategic-risk.md")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let closing = try #require(lines.indices.dropFirst().first { lines[$0] == "---" })
        lines.remove(at: closing)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path):1:1: error: front matter opened here is never closed; end it with a `---` line [front-matter-unclosed]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file.path):\(closing + 1):1: note: fix-it: insert a closing `---` line"), "\(result.stderr)")
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let root = repo.url("Strategy")
        let file = root.appendingPathComponent("key-areas/enablers/enabling-innovation.md")
        let original = try Data(contentsOf: file)
        let lineCount = original.filter { $0 == UInt8(ascii: "\n") }.count
        try (original + Data([0x4F, 0x6B, 0xFF, 0x0A])).write(to: file)
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path):\(lineCount + 1):3: error: file is not valid UTF-8 (byte 0xFF); save it as UTF-8 [file-not-utf8]"), "\(result.stderr)")
    }

    @Test func emptyFileIsReported() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let root = repo.url("Strategy")
        let file = root.appendingPathComponent("key-areas/showing-leadership/working-with-partners.md")
        try Data().write(to: file)
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file.path):1:1: error: file is empty [file-empty]"), "\(result.stderr)")
    }

    @Test func binaryAndHugeFilesAreReportedNotRead() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let root = repo.url("Strategy")
        let binary = root.appendingPathComponent("key-areas/enablers/binary.md")
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: binary)
        let huge = root.appendingPathComponent("key-areas/enablers/huge.md")
        try Data(repeating: UInt8(ascii: "x"), count: 3 << 20).write(to: huge)
        let result = try check(repo)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(binary.path):1:1: error: file contains a NUL byte, so it is not a text file [file-binary]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(huge.path):1:1: error: file is 3145728 bytes; source files are limited to 1048576 bytes [file-too-large]"))
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let root = repo.url("Strategy")
        try Data().write(to: root.appendingPathComponent("key-areas/enablers/adding-value.md"))
        let risk = root.appendingPathComponent("key-areas/behaving-commercially/managing-strategic-risk.md")
        let text = try String(contentsOf: risk, encoding: .utf8)
            .replacingOccurrences(of: "theme: behaving-commercially", with: "theme: behaving-comercially")
            .replacingOccurrences(of: "### Fraud and financial loss {#risk-fraud}", with: "### Fraud and financial loss")
        try text.write(to: risk, atomically: true, encoding: .utf8)
        let result = try check(repo)
        #expect(result.status == 1)
        for code in ["file-empty", "unknown-theme", "missing-indicator-id"] {
            #expect(result.stderr.contains("[\(code)]"), "\(code) missing from:\n\(result.stderr)")
        }
        #expect(result.stderr.contains("did you mean 'behaving-commercially'?"))
        #expect(result.stderr.hasSuffix("3 errors and 0 warnings generated.\n"), "\(result.stderr)")
    }
}
