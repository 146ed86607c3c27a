import Foundation
import TestSupport
import Testing

/// `strategyc build`: the published toolkit, written only when everything is right.
@Suite struct BuildCommandTests {
    private func scratch() throws -> URL {
        try TestPaths.scratch("build")
    }

    @Test func buildsTheSite() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site")
        let result = try StrategycRunner.run(["build", "Strategy", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out.path)/: 16 pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (21 files)\n")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("key-areas").path)
        #expect(pages.count == 15)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("10 key areas with 62 indicators, and 5 enablers"))
    }

    /// `--since` reaches the build: the page of what changed since the 2018 edition is published (its
    /// content is checked in the test process, `StrategyPipelineTests.EarlierEditionTests`).
    @Test func buildSinceAnEarlierEditionSaysItWroteTheChangesPage() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site")
        let result = try StrategycRunner.run(["build", "Strategy", "--since", "Editions/2018", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out.path)/: 17 pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (22 files)\n")
        #expect(try String(contentsOf: out.appendingPathComponent("changes.html"), encoding: .utf8).contains("<h1>What changed since 2018</h1>"))
    }

    @Test func errorsLeaveThePreviousOutputUntouched() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: out.appendingPathComponent("index.html"))
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try Data().write(to: root.appendingPathComponent("key-areas/enablers/adding-value.md"))
        let result = try StrategycRunner.run(["build", root.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[file-empty]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["index.html"])
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func brokenTemplateIsADiagnosticNamingTheFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: StrategycRunner.packageRoot.appendingPathComponent("Templates"), to: templates)
        try Data("<p>{{#open}}</p>\n".utf8).write(to: templates.appendingPathComponent("index.mustache"))
        let result = try StrategycRunner.run(["build", "Strategy", "--out", folder.appendingPathComponent("site").path,
                                              "--templates", templates.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(templates.path)/index.mustache:"), "\(result.stderr)")
        #expect(result.stderr.contains("[template-syntax]"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func missingTemplatesFolderIsReported() throws {
        let result = try StrategycRunner.run(["build", "Strategy", "--out", "/tmp/strategyc-never", "--templates", "/nonexistent/t"])
        #expect(result.status == 1)
        #expect(result.stderr == "/nonexistent/t: error: templates folder '/nonexistent/t' does not exist; give the folder with --templates [template-folder-missing]\n1 error and 0 warnings generated.\n", "\(result.stderr)")
    }
}

/// `strategyc workbook`: just the workbook, written atomically.
@Suite struct WorkbookCommandTests {
    @Test func writesTheWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-wb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("assessment.xlsx")
        let result = try StrategycRunner.run(["workbook", "Strategy", "-o", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: file)
        #expect(data.prefix(2) == Data("PK".utf8))
        let again = try StrategycRunner.run(["workbook", "Strategy", "-o", folder.appendingPathComponent("again.xlsx").path])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("again.xlsx")) == data)
    }
}
