import Foundation
import TestSupport
import Testing

/// No command, run from any folder, deletes or overwrites what strategyc did not write: the refusals that
/// depend on the folder the command runs from, what `workbook` and `export` say they wrote, and an I/O
/// error in JSON. Each refusal is checked for its exact message and exit status, and the whole repository
/// is compared byte for byte before and after. The refusals of every other folder and file are checked in
/// the test process (`StrategyPipelineTests.OutputProtectionTests`).
@Suite struct OutputSafetyTests {
    private let notice = "1 error and 0 warnings generated.\n"

    /// The working folder: from the root, and from inside the strategy (where `..` holds it).
    @Test func buildRefusesTheWorkingFolder() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = try repo.snapshot()
        let result = try repo.run(["build", "--out", "."])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stdout == "")
        #expect(result.stderr == ".: error: '.' is the working folder; the build would replace it, so choose a folder of its own for the output, such as _site [output-protected]\n\(notice)")
        #expect(try repo.snapshot() == before)
    }

    @Test func buildRefusesTheParentFolderFromInsideTheStrategy() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = try repo.snapshot()
        let result = try repo.run(["build", ".", "--templates", "../Templates", "--out", ".."], in: "Strategy")
        #expect(result.status == 1)
        #expect(result.stderr == "..: error: '..' contains the working folder; the build would replace it, so choose a folder of its own for the output, such as _site [output-protected]\n\(notice)")
        #expect(try repo.snapshot() == before)
    }

    @Test func workbookAndExportSayWhatTheyWroteAndReplaceTheirOwn() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let model = try #require(try JSONSerialization.jsonObject(with: Data(try repo.run(["export"]).stdout.utf8)) as? [String: Any])
        let edition = try #require(model["edition"] as? String)
        let rows = (model["themes"] as? [[String: Any]] ?? []).flatMap { $0["keyAreas"] as? [[String: Any]] ?? [] }
            .filter { $0["status"] as? String == "active" }
            .flatMap { $0["indicators"] as? [[String: Any]] ?? [] }
            .filter { $0["status"] as? String == "active" }.count
        for _ in 0..<2 {
            let workbook = try repo.run(["workbook", "-o", "blank.xlsx"])
            #expect(workbook.status == 0, "\(workbook.stderr)")
            #expect(workbook.stdout == "wrote blank.xlsx: assessment workbook, edition \(edition), \(rows) indicators\n")
            let export = try repo.run(["export", "-o", "model.json"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout == "wrote model.json: the model of edition \(edition) as JSON\n")
        }
    }

    @Test func ioErrorsAreJSONToo() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let result = try repo.run(["check", "Missing", "--diagnostics-format", "json"])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "folder-unreadable")
        #expect(diagnostics.first?["file"] as? String == "Missing")
        #expect(diagnostics.first?["line"] as? Int == 0)
    }
}
