import Foundation
import Testing

/// Machine-readable diagnostics, the export, and exit statuses for usage problems.
@Suite struct OutputFormatTests {
    private func brokenStrategy() throws -> URL {
        let root = try StrategycRunner.copyOfStrategy()
        let file = root.appendingPathComponent("key-areas/enablers/embedding-change.md")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "status: active", with: "stauts: active")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return root
    }

    @Test func jsonDiagnostics() throws {
        let root = try brokenStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = try StrategycRunner.run(["check", root.path, "--diagnostics-format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 1)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["code"] as? String == "unknown-key")
        #expect(first["line"] as? Int == 6)
        #expect(first["column"] as? Int == 1)
        let fixIts = try #require(first["fixIts"] as? [[String: Any]])
        #expect(fixIts.first?["replacement"] as? String == "status")
    }

    @Test func githubAnnotations() throws {
        let root = try brokenStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let result = try StrategycRunner.run(["check", root.path, "--diagnostics-format", "github"])
        #expect(result.status == 1)
        let file = root.appendingPathComponent("key-areas/enablers/embedding-change.md").path
        #expect(result.stdout.hasPrefix("::error file=\(file),line=6,col=1,endLine=6,endColumn=7,title=unknown-key::unknown key `stauts`"), "\(result.stdout)")
    }

    @Test func exportPrintsTheModel() throws {
        let result = try StrategycRunner.run(["export", "--format", "json", "Strategy"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let model = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(model["edition"] as? String == "2022")
        let themes = try #require(model["themes"] as? [[String: Any]])
        #expect(themes.map { $0["kind"] as? String } == ["theme", "theme", "theme", "enablers"])
        let areas = themes.flatMap { ($0["keyAreas"] as? [[String: Any]]) ?? [] }
        #expect(areas.count == 15)
        #expect(areas.first?["source"] as? String == "key-areas/showing-leadership/engaging-councillors.md")
    }

    @Test func missingFolderExitsWithTwo() throws {
        let result = try StrategycRunner.run(["check", "/nonexistent/Strategy"])
        #expect(result.status == 2)
        #expect(result.stderr == "/nonexistent/Strategy: error: no such folder: /nonexistent/Strategy [folder-unreadable]\n1 error and 0 warnings generated.\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let unknownOption = try StrategycRunner.run(["check", "--no-such-option"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("Unknown option '--no-such-option'"), "\(unknownOption.stderr)")
        let badFormat = try StrategycRunner.run(["check", "--diagnostics-format", "xml"])
        #expect(badFormat.status == 2)
    }

    @Test func helpAndVersion() throws {
        let help = try StrategycRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("check") && help.stdout.contains("export"))
        let version = try StrategycRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
