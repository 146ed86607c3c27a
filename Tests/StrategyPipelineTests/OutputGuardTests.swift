import Foundation
import StrategyModel
@testable import StrategyPipeline
import StrategyRender
import StrategyWorkbook
import Testing
import ZIPFoundation
import StrategyDiagnostics

/// Every place `build --out`, `workbook -o` and `export -o` must refuse, and the ones they may replace.
/// The guard is given its working and home folders, so these tests do not depend on where they run.
@Suite struct OutputGuardTests {
    /// A scratch "repository": repo/Strategy, repo/Templates, repo/.git, and a home folder beside it.
    struct Layout {
        let root: URL
        var repo: URL { root.appendingPathComponent("repo") }
        var home: URL { root.appendingPathComponent("home") }
        var outputGuard: OutputGuard {
            OutputGuard(strategyFolder: "Strategy", templatesFolder: "Templates", workingDirectory: repo.path,
                        home: home.path)
        }

        init() throws {
            root = try PipelineSupport.scratch()
            for folder in ["repo/Strategy", "repo/Templates", "repo/.git", "home", "foreign"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder),
                                                        withIntermediateDirectories: true)
            }
            try PipelineSupport.write("x", to: root.appendingPathComponent("repo/Strategy/strategy.md"))
            try PipelineSupport.write("notes", to: root.appendingPathComponent("foreign/notes.txt"))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    private func only(_ diagnostics: [Diagnostic]) -> (code: DiagnosticCode, message: String, path: String)? {
        guard diagnostics.count == 1, let first = diagnostics.first else { return nil }
        #expect(first.range.start.isWholeFile)
        return (first.code, first.message, first.range.path)
    }

    @Test(arguments: [
        (".", "'.' is the working folder; the build would replace it, so choose a folder of its own for the output, such as _site"),
        ("./", "'./' is the working folder; the build would replace it, so choose a folder of its own for the output, such as _site"),
        ("Strategy", "'Strategy' is the strategy folder; the build would replace it, so choose a folder of its own for the output, such as _site"),
        ("Templates/", "'Templates/' is the templates folder; the build would replace it, so choose a folder of its own for the output, such as _site"),
        ("..", "'..' contains the working folder; the build would replace it, so choose a folder of its own for the output, such as _site"),
        ("Strategy/site", "'Strategy/site' is inside the strategy folder 'Strategy'; output is never written among the sources, so choose a folder outside it, such as _site"),
        ("/", "'/' is the root folder; choose a folder of its own for the output"),
        (".git/site", "'.git/site' is inside a git repository's own folder (.git); choose a folder of its own for the output"),
    ])
    func refusesProtectedFolders(_ out: String, _ message: String) throws {
        let layout = try Layout()
        defer { layout.remove() }
        let result = try #require(only(layout.outputGuard.checkFolder(out)))
        #expect(result.code == .outputProtected)
        #expect(result.message == message)
        #expect(result.path == out)
    }

    @Test func refusesTheHomeFolderAndFoldersHoldingGit() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let home = try #require(only(layout.outputGuard.checkFolder(layout.home.path)))
        #expect(home.code == .outputProtected && home.message.contains("is your home folder"))
        // A parent of the repository is refused as containing the working folder, before .git is looked at.
        let other = layout.root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let git = try #require(only(layout.outputGuard.checkFolder(other.path)))
        #expect(git == (.outputProtected, "'\(other.path)' holds a git repository (.git); choose a folder of its own for the output", other.path))
    }

    @Test func refusesALinkEvenToAnOwnedFolder() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let site = layout.root.appendingPathComponent("site")
        try AtomicFolderWriter(generator: "strategyc test").write([OutputFile(path: "index.html", text: "x")], to: site)
        let link = layout.root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site)
        let result = try #require(only(layout.outputGuard.checkFolder(link.path)))
        #expect(result.code == .outputProtected)
        #expect(result.message.hasPrefix("'\(link.path)' is a symbolic link; strategyc never replaces or deletes through a link"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    }

    @Test func refusesAForeignFolderAndAFile() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let foreign = layout.root.appendingPathComponent("foreign").path
        let result = try #require(only(layout.outputGuard.checkFolder(foreign)))
        #expect(result.code == .outputNotOwned)
        #expect(result.message == "'\(foreign)' already exists and was not written by strategyc (it has no .strategyc-output.json); choose another --out, or empty or remove it yourself if nothing in it is needed")
        let file = layout.root.appendingPathComponent("foreign/notes.txt").path
        #expect(only(layout.outputGuard.checkFolder(file))?.code == .outputNotOwned)
    }

    @Test func acceptsMissingEmptyAndOwnedFolders() throws {
        let layout = try Layout()
        defer { layout.remove() }
        #expect(layout.outputGuard.checkFolder("_site").isEmpty)
        #expect(layout.outputGuard.checkFolder("deeper/new/site").isEmpty)
        let empty = layout.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(layout.outputGuard.checkFolder(empty.path).isEmpty)
        let site = layout.repo.appendingPathComponent("_site")
        try AtomicFolderWriter(generator: "strategyc test")
            .write([OutputFile(path: "index.html", text: "x"), OutputFile(path: "key-areas/a.html", text: "a")], to: site)
        #expect(layout.outputGuard.checkFolder("_site").isEmpty)
    }

    /// A file added to, or changed in, an output folder is the user's: the build refuses to delete it.
    @Test func refusesAnOwnedFolderWithAddedOrChangedFiles() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let site = layout.repo.appendingPathComponent("_site")
        try AtomicFolderWriter(generator: "strategyc test")
            .write([OutputFile(path: "index.html", text: "x"), OutputFile(path: "key-areas/a.html", text: "a")], to: site)
        try PipelineSupport.write("mine", to: site.appendingPathComponent("CNAME"))
        try PipelineSupport.write("edited", to: site.appendingPathComponent("key-areas/a.html"))
        let result = try #require(only(layout.outputGuard.checkFolder("_site")))
        #expect(result.code == .outputNotOwned)
        #expect(result.message == "'_site' holds files strategyc did not write or that were changed since: 'CNAME', 'key-areas/a.html'; move them out, or choose another --out")
    }

    // MARK: - Single files

    @Test func refusesSourcesFoldersAndLinksAsFiles() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let source = try #require(only(layout.outputGuard.checkFile("Strategy/strategy.md", kind: .modelJSON)))
        #expect(source == (.outputProtected, "'Strategy/strategy.md' is inside the strategy folder 'Strategy'; a command never writes over its sources, so choose a file outside it", "Strategy/strategy.md"))
        let template = try #require(only(layout.outputGuard.checkFile("Templates/new.xlsx", kind: .workbook)))
        #expect(template.code == .outputProtected)
        let folder = try #require(only(layout.outputGuard.checkFile("Strategy/..", kind: .workbook)))
        #expect(folder == (.outputProtected, "'Strategy/..' is a folder; give a file name, such as assessment.xlsx", "Strategy/.."))
        let target = layout.root.appendingPathComponent("target.json")
        try PipelineSupport.write("{}", to: target)
        let link = layout.root.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(only(layout.outputGuard.checkFile(link.path, kind: .modelJSON))?.code == .outputProtected)
    }

    @Test func replacesAnExportButNoOtherFile() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let model = try PipelineSupport.model(PipelineSupport.fixtures.appendingPathComponent("small"))
        let export = layout.root.appendingPathComponent("model.json")
        try ModelJSONRenderer().render(model).write(to: export)
        #expect(layout.outputGuard.checkFile(export.path, kind: .modelJSON).isEmpty)
        let notes = layout.root.appendingPathComponent("foreign/notes.txt").path
        let result = try #require(only(layout.outputGuard.checkFile(notes, kind: .modelJSON)))
        #expect(result == (.outputNotOwned, "'\(notes)' already exists and is not a model exported by strategyc; choose another file name, or move it away yourself", notes))
    }

    @Test func replacesABlankWorkbookButNeverAnswers() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let model = try PipelineSupport.model(PipelineSupport.fixtures.appendingPathComponent("small"))
        let collector = DiagnosticCollector()
        let files = try WorkbookRenderer(stamp: PublicationStamp(model, generator: "strategyc test"))
            .render(PublishedStrategy(model), reportingTo: collector)
        let blank = try #require(files.first { $0.path == "assessment.xlsx" }).contents
        let url = layout.root.appendingPathComponent("assessment.xlsx")
        try blank.write(to: url)
        #expect(layout.outputGuard.checkFile(url.path, kind: .workbook).isEmpty)

        // The council chooses "Mature" as the target of the third indicator (E4).
        try answer(in: url, cell: "E4", with: "Mature")
        let answered = try #require(only(layout.outputGuard.checkFile(url.path, kind: .workbook)))
        #expect(answered == (.outputNotOwned, "'\(url.path)' is an assessment workbook with answers (Assessment!E4 is filled in); a blank workbook would replace them, so choose another file name", url.path))

        // Saying who is answering is an answer too: the About sheet (the second) names its first answer.
        try blank.write(to: url)
        try answer(in: url, cell: "B6", with: "North West", sheet: 2)
        let about = try #require(only(layout.outputGuard.checkFile(url.path, kind: .workbook)))
        #expect(about.message.contains("(About!B6 is filled in)"), "\(about.message)")

        let notes = layout.root.appendingPathComponent("foreign/notes.txt").path
        #expect(only(layout.outputGuard.checkFile(notes, kind: .workbook))?.message.contains("(it is not a ZIP file)") == true)
    }

    /// A variant's workbook starts with its default targets filled in: those are not answers, but a target
    /// changed from its default is, and so is a target written where the variant set none.
    @Test func aVariantWorkbookWithOnlyItsDefaultTargetsIsBlank() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let model = try PipelineSupport.model(PipelineSupport.fixtures.appendingPathComponent("small"))
        let variant = WorkbookVariant(id: "north", title: "North", baseEdition: "2024", baseHash: "0", layers: ["North"],
                                      defaultTargets: ["councillors": "established"], weights: [:], origins: [:],
                                      localIndicators: [])
        let files = try WorkbookRenderer(stamp: PublicationStamp(model, generator: "strategyc test"))
            .render(PublishedStrategy(model), variant: variant, reportingTo: DiagnosticCollector())
        let url = layout.root.appendingPathComponent("assessment.xlsx")
        try #require(files.first { $0.path == "assessment.xlsx" }).contents.write(to: url)
        #expect(layout.outputGuard.checkFile(url.path, kind: .workbook).isEmpty)

        // Rows 2 and 3 are the councillors indicators (default Established); row 4 (data) has no default.
        try answer(in: url, cell: "E3", with: "Established", replacing: true)
        #expect(layout.outputGuard.checkFile(url.path, kind: .workbook).isEmpty, "the default, retyped, is still no answer")
        try answer(in: url, cell: "E3", with: "Leading", replacing: true)
        #expect(only(layout.outputGuard.checkFile(url.path, kind: .workbook))?.message.contains("(Assessment!E3 is filled in)") == true)
        try answer(in: url, cell: "E3", with: "Established", replacing: true)
        try answer(in: url, cell: "E4", with: "Established")
        #expect(only(layout.outputGuard.checkFile(url.path, kind: .workbook))?.message.contains("(Assessment!E4 is filled in)") == true)
    }

    /// A sheet cut short is not proof of a blank workbook (on Linux XMLParser reports it only through
    /// parserError, not through parse()'s result).
    @Test func aTruncatedSheetIsNotABlankWorkbook() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let model = try PipelineSupport.model(PipelineSupport.fixtures.appendingPathComponent("small"))
        let files = try WorkbookRenderer(stamp: PublicationStamp(model, generator: "strategyc test"))
            .render(PublishedStrategy(model), reportingTo: DiagnosticCollector())
        let url = layout.root.appendingPathComponent("assessment.xlsx")
        try #require(files.first { $0.path == "assessment.xlsx" }).contents.write(to: url)
        let archive = try Archive(url: url, accessMode: .update)
        let entry = try #require(archive["xl/worksheets/sheet3.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let cut = xml.prefix(xml.count / 2)
        try archive.remove(entry)
        try archive.addEntry(with: "xl/worksheets/sheet3.xml", type: .file, uncompressedSize: Int64(cut.count),
                             compressionMethod: .deflate) { position, size in
            cut.subdata(in: cut.startIndex + Int(position)..<cut.startIndex + Int(position) + size)
        }
        #expect(only(layout.outputGuard.checkFile(url.path, kind: .workbook))?.message.contains("its Assessment sheet cannot be read") == true)
    }

    /// Writes an inline string into an empty input cell of the Assessment sheet, as a spreadsheet would.
    /// Fills in a cell of a sheet (by default the Assessment sheet, the third), as a spreadsheet would.
    private func answer(in url: URL, cell: String, with text: String, replacing: Bool = false,
                        sheet number: Int = 3) throws {
        let archive = try Archive(url: url, accessMode: .update)
        let entry = try #require(archive["xl/worksheets/sheet\(number).xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        var sheet = String(decoding: xml, as: UTF8.self)
        let filled = "<c r=\"\(cell)\" s=\"[0-9]+\" t=\"[a-zA-Z]+\">(<v>[^<]*</v>|<is><t>[^<]*</t></is>)</c>"
        let pattern = try #require(sheet.range(of: replacing ? filled : "<c r=\"\(cell)\" s=\"[0-9]+\"/>",
                                               options: .regularExpression))
        let style = sheet[pattern].split(separator: "\"")[3]
        sheet.replaceSubrange(pattern, with: "<c r=\"\(cell)\" s=\"\(style)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>")
        try archive.remove(entry)
        let data = Data(sheet.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet\(number).xml", type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
