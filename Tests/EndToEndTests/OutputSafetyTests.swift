import Foundation
import TestSupport
import Testing

/// No command, run from any folder, deletes or overwrites what strategyc did not write. Each refusal is
/// checked for its exact message and exit status, and the whole repository is compared byte for byte
/// before and after.
extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

@Suite struct OutputSafetyTests {
    private let notice = "1 error and 0 warnings generated.\n"

    @Test(arguments: [
        (".", "'.' is the working folder"),
        ("Strategy", "'Strategy' is the strategy folder"),
        ("Templates", "'Templates' is the templates folder"),
        ("Strategy/site", "'Strategy/site' is inside the strategy folder 'Strategy'"),
    ])
    func buildRefusesTheRepositorysOwnFolders(_ out: String, _ reason: String) throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = try repo.snapshot()
        let result = try repo.run(["build", "--out", out])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stdout == "")
        let tail = reason.contains("inside")
            ? "; output is never written among the sources, so choose a folder outside it, such as _site"
            : "; the build would replace it, so choose a folder of its own for the output, such as _site"
        #expect(result.stderr == "\(out): error: \(reason)\(tail) [output-protected]\n\(notice)")
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

    @Test func buildRefusesAFolderItDidNotWriteAndALink() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        try repo.write("docs/notes.md", "Our notes.\n")
        try FileManager.default.createSymbolicLink(at: repo.url("site-link"), withDestinationURL: repo.url("docs"))
        let before = try repo.snapshot()
        let foreign = try repo.run(["build", "--out", "docs"])
        #expect(foreign.status == 1)
        #expect(foreign.stderr == "docs: error: 'docs' already exists and was not written by strategyc (it has no .strategyc-output.json); choose another --out, or empty or remove it yourself if nothing in it is needed [output-not-owned]\n\(notice)")
        let link = try repo.run(["build", "--out", "site-link"])
        #expect(link.status == 1)
        #expect(link.stderr == "site-link: error: 'site-link' is a symbolic link; strategyc never replaces or deletes through a link: give the folder itself [output-protected]\n\(notice)")
        #expect(try repo.snapshot() == before)
    }

    /// The build's own folder is replaced; once the user adds a file to it, it is no longer provably ours.
    @Test func buildReplacesItsOwnOutputOnlyWhileItIsUntouched() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let first = try repo.run(["build"])
        #expect(first.status == 0, "\(first.stderr)")
        // The count is the site's own: the home page and one page per published key area and enabler.
        let pages = try FileManager.default.contentsOfDirectory(atPath: repo.url("_site/key-areas").path).count + 1
        let files = try #require(FileManager.default.subpaths(atPath: repo.url("_site").path))
            .filter { !$0.hasPrefix(".") && !FileManager.default.isDirectory(repo.url("_site/" + $0)) }.count
        #expect(first.stdout == "wrote _site/: \(pages) pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (\(files) files)\n")
        let manifest = try repo.read("_site/.strategyc-output.json")
        #expect(manifest.contains("\"path\" : \"index.html\""))
        let second = try repo.run(["build"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try repo.read("_site/.strategyc-output.json") == manifest)
        try repo.write("_site/CNAME", "toolkit.example.org\n")
        let refused = try repo.run(["build"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "_site: error: '_site' holds files strategyc did not write or that were changed since: 'CNAME'; move them out, or choose another --out [output-not-owned]\n\(notice)")
        #expect(try repo.read("_site/CNAME") == "toolkit.example.org\n")
    }

    @Test func workbookAndExportNeverWriteOverSourcesFoldersOrForeignFiles() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = try repo.snapshot()
        let cases: [([String], String)] = [
            (["workbook", "-o", "Strategy/strategy.md"], "Strategy/strategy.md: error: 'Strategy/strategy.md' is inside the strategy folder 'Strategy'; a command never writes over its sources, so choose a file outside it [output-protected]"),
            (["workbook", "-o", "Templates/index.mustache"], "Templates/index.mustache: error: 'Templates/index.mustache' is inside the templates folder 'Templates'; a command never writes over its sources, so choose a file outside it [output-protected]"),
            (["workbook", "-o", "Strategy"], "Strategy: error: 'Strategy' is inside the strategy folder 'Strategy'; a command never writes over its sources, so choose a file outside it [output-protected]"),
            (["workbook", "-o", "README.md"], "README.md: error: 'README.md' already exists and is not a blank workbook written by strategyc (it is not a ZIP file); choose another file name, or move it away yourself [output-not-owned]"),
            (["export", "-o", "README.md"], "README.md: error: 'README.md' already exists and is not a model exported by strategyc; choose another file name, or move it away yourself [output-not-owned]"),
            (["export", "-o", ".git"], ".git: error: '.git' is a folder; give a file name, such as model.json [output-protected]"),
        ]
        for (arguments, message) in cases {
            let result = try repo.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == message + "\n" + notice, "\(arguments)")
        }
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

    /// `check` takes the same --out as `build`, so a destination `build` would refuse fails `check` too.
    @Test func checkReportsAnOutputFolderBuildWouldRefuse() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let result = try repo.run(["check", "--out", "Templates"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Templates: error: 'Templates' is the templates folder;"))
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
