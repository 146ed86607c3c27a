import Foundation
import Testing

/// `strategyc check` on the real strategy and on broken copies of it: exit status, stdout and stderr.
@Suite struct CheckCommandTests {
    @Test func realStrategyIsClean() throws {
        let result = try StrategycRunner.run(["check", "Strategy"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("edition 2022: 3 themes, 10 key areas, 62 indicators, 5 enablers, 335 descriptors, 5 levels; no errors, 0 warnings"), "\(result.stdout)")
    }

    @Test func folderDefaultsToStrategy() throws {
        let result = try StrategycRunner.run(["check"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Strategy: "))
    }

    @Test func copiedKeyAreaGivesDuplicateIDs() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let folder = root.appendingPathComponent("key-areas/showing-leadership")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("engaging-councillors.md"),
                                         to: folder.appendingPathComponent("engaging-councillors-copy.md"))
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stdout == "")
        let copy = folder.appendingPathComponent("engaging-councillors-copy.md").path
        #expect(result.stderr.contains("\(copy):2:5: error: id 'engaging-councillors' of this key area is already used by a key area [duplicate-id]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.path)/engaging-councillors.md:2:5: note: 'engaging-councillors' first used here"))
        // The key area and its four indicators.
        #expect(result.stderr.components(separatedBy: "[duplicate-id]").count - 1 == 5)
    }

    @Test func missingClosingDelimiterIsReported() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let file = root.appendingPathComponent("key-areas/behaving-commercially/managing-strategic-risk.md")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let closing = try #require(lines.indices.dropFirst().first { lines[$0] == "---" })
        lines.remove(at: closing)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stderr.contains("\(file.path):1:1: error: front matter opened here is never closed; end it with a `---` line [front-matter-unclosed]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file.path):\(closing + 1):1: note: fix-it: insert a closing `---` line"), "\(result.stderr)")
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let file = root.appendingPathComponent("key-areas/enablers/enabling-innovation.md")
        let original = try Data(contentsOf: file)
        let lineCount = original.filter { $0 == UInt8(ascii: "\n") }.count
        try (original + Data([0x4F, 0x6B, 0xFF, 0x0A])).write(to: file)
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stderr.contains("\(file.path):\(lineCount + 1):3: error: file is not valid UTF-8 (byte 0xFF); save it as UTF-8 [file-not-utf8]"), "\(result.stderr)")
    }

    @Test func emptyFileIsReported() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let file = root.appendingPathComponent("key-areas/showing-leadership/working-with-partners.md")
        try Data().write(to: file)
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stderr.contains("\(file.path):1:1: error: file is empty [file-empty]"), "\(result.stderr)")
    }

    @Test func binaryAndHugeFilesAreReportedNotRead() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let binary = root.appendingPathComponent("key-areas/enablers/binary.md")
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: binary)
        let huge = root.appendingPathComponent("key-areas/enablers/huge.md")
        try Data(repeating: UInt8(ascii: "x"), count: 3 << 20).write(to: huge)
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stderr.contains("\(binary.path):1:1: error: file contains a NUL byte, so it is not a text file [file-binary]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(huge.path):1:1: error: file is 3145728 bytes; source files are limited to 1048576 bytes [file-too-large]"))
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Data().write(to: root.appendingPathComponent("key-areas/enablers/adding-value.md"))
        let risk = root.appendingPathComponent("key-areas/behaving-commercially/managing-strategic-risk.md")
        let text = try String(contentsOf: risk, encoding: .utf8)
            .replacingOccurrences(of: "theme: behaving-commercially", with: "theme: behaving-comercially")
            .replacingOccurrences(of: "### Fraud and financial loss {#risk-fraud}", with: "### Fraud and financial loss")
        try text.write(to: risk, atomically: true, encoding: .utf8)
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1)
        for code in ["file-empty", "unknown-theme", "missing-indicator-id"] {
            #expect(result.stderr.contains("[\(code)]"), "\(code) missing from:\n\(result.stderr)")
        }
        #expect(result.stderr.contains("did you mean 'behaving-commercially'?"))
        #expect(result.stderr.hasSuffix("3 errors and 0 warnings generated.\n"), "\(result.stderr)")
    }
}
