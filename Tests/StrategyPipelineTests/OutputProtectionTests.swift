import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// No action deletes or overwrites what strategyc did not write: `build`, `check --out`, `workbook` and
/// `export` performed in the test process on a copy of the repository, each refusal checked for its exact
/// diagnostic and the whole copy compared byte for byte before and after. (`OutputGuardTests` holds the
/// guard's rules one by one; `EndToEndTests.OutputSafetyTests` the refusals that depend on the folder the
/// command runs from.)
@Suite struct OutputProtectionTests {
    private let notice = "1 error and 0 warnings generated.\n"

    private func text(_ diagnostics: [Diagnostic]) -> String { DiagnosticFormat.text.render(diagnostics) }

    @Test(arguments: [
        ("Strategy", "'Strategy' is the strategy folder"),
        ("Templates", "'Templates' is the templates folder"),
        ("Strategy/site", "'Strategy/site' is inside the strategy folder 'Strategy'"),
    ])
    func buildRefusesTheRepositorysOwnFolders(_ out: String, _ reason: String) throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = try repo.snapshot()
        let built = try repo.publish(.build, out: out)
        #expect(built.outcome?.written != true)
        let tail = reason.contains("inside")
            ? "; output is never written among the sources, so choose a folder outside it, such as _site"
            : "; the build would replace it, so choose a folder of its own for the output, such as _site"
        #expect(text(built.diagnostics) == "\(out): error: \(reason)\(tail) [output-protected]\n\(notice)")
        #expect(try repo.snapshot() == before)
    }

    @Test func buildRefusesAFolderItDidNotWriteAndALink() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        try repo.write("docs/notes.md", "Our notes.\n")
        try FileManager.default.createSymbolicLink(at: repo.url("site-link"), withDestinationURL: repo.url("docs"))
        let before = try repo.snapshot()
        #expect(text(try repo.build(out: "docs")) == "docs: error: 'docs' already exists and was not written by strategyc (it has no .strategyc-output.json); choose another --out, or empty or remove it yourself if nothing in it is needed [output-not-owned]\n\(notice)")
        #expect(text(try repo.build(out: "site-link")) == "site-link: error: 'site-link' is a symbolic link; strategyc never replaces or deletes through a link: give the folder itself [output-protected]\n\(notice)")
        #expect(try repo.snapshot() == before)
    }

    /// The build's own folder is replaced; once the user adds a file to it, it is no longer provably ours.
    @Test func buildReplacesItsOwnOutputOnlyWhileItIsUntouched() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let first = try repo.publish(.build)
        #expect(first.diagnostics == [])
        #expect(first.outcome?.written == true)
        // Every file the publication holds is on disk, and nothing else but the manifest.
        let files = try #require(FileManager.default.subpaths(atPath: repo.url("_site").path))
            .filter { !FileManager.default.isDirectory(repo.url("_site/" + $0)) }.sorted()
        #expect(files == (try #require(first.outcome).publication.files.map(\.path) + [".strategyc-output.json"]).sorted())
        let manifest = try repo.read("_site/.strategyc-output.json")
        #expect(manifest.contains("\"path\" : \"index.html\""))
        #expect(try repo.build(out: "_site") == [])
        #expect(try repo.read("_site/.strategyc-output.json") == manifest)
        try repo.write("_site/CNAME", "toolkit.example.org\n")
        #expect(text(try repo.build(out: "_site")) == "_site: error: '_site' holds files strategyc did not write or that were changed since: 'CNAME'; move them out, or choose another --out [output-not-owned]\n\(notice)")
        #expect(try repo.read("_site/CNAME") == "toolkit.example.org\n")
    }

    @Test func workbookAndExportNeverWriteOverSourcesFoldersOrForeignFiles() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let before = try repo.snapshot()
        let workbooks = [
            ("Strategy/strategy.md", "Strategy/strategy.md: error: 'Strategy/strategy.md' is inside the strategy folder 'Strategy'; a command never writes over its sources, so choose a file outside it [output-protected]"),
            ("Templates/index.mustache", "Templates/index.mustache: error: 'Templates/index.mustache' is inside the templates folder 'Templates'; a command never writes over its sources, so choose a file outside it [output-protected]"),
            ("Strategy", "Strategy: error: 'Strategy' is inside the strategy folder 'Strategy'; a command never writes over its sources, so choose a file outside it [output-protected]"),
            ("README.md", "README.md: error: 'README.md' already exists and is not a blank workbook written by strategyc (it is not a ZIP file); choose another file name, or move it away yourself [output-not-owned]"),
        ]
        for (output, message) in workbooks {
            let workbook = try repo.workbook(output: output)
            #expect(workbook.outcome?.written != true, "\(output)")
            #expect(text(workbook.diagnostics) == message + "\n" + notice, "\(output)")
        }
        let exports = [
            ("README.md", "README.md: error: 'README.md' already exists and is not a model exported by strategyc; choose another file name, or move it away yourself [output-not-owned]"),
            (".git", ".git: error: '.git' is a folder; give a file name, such as model.json [output-protected]"),
        ]
        for (output, message) in exports {
            let export = try repo.export(output: output)
            #expect(export.outcome?.written != true, "\(output)")
            #expect(text(export.diagnostics) == message + "\n" + notice, "\(output)")
        }
        #expect(try repo.snapshot() == before)
    }

    /// A workbook or an export strategyc wrote is replaced by the next, with the same bytes.
    @Test func workbookAndExportReplaceTheirOwn() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        var written: [Data] = []
        for _ in 0..<2 {
            #expect(try repo.workbook(output: "blank.xlsx").outcome?.written == true)
            #expect(try repo.export(output: "model.json").outcome?.written == true)
            written.append(try Data(contentsOf: repo.url("blank.xlsx")) + Data(contentsOf: repo.url("model.json")))
        }
        #expect(written[0] == written[1])
    }

    /// `check` takes the same --out as `build`, so a destination `build` would refuse fails `check` too.
    @Test func checkReportsAnOutputFolderBuildWouldRefuse() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let checked = try repo.checkText(out: "Templates")
        #expect(checked.status == 1)
        #expect(checked.stderr.hasPrefix("Templates: error: 'Templates' is the templates folder;"))
    }
}

extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
