import Foundation
@testable import StrategyCompiler
import StrategyModel
import Testing
import StrategyDiagnostics

/// Reading never crashes on bad bytes, and reports where the problem is.
@Suite struct ReaderTests {
    @Test func invalidUTF8IsLocated() {
        let data = Data(Array("ok\nalso ok\nbad: ".utf8) + [0xE2, 0x28, 0xA1])
        let offset = StrategyReader.firstInvalidUTF8Byte(in: data)
        #expect(offset == 16)
        let position = StrategyReader.position(ofByte: offset!, in: data)
        #expect(position.line == 3 && position.column == 6)
    }

    @Test func validUTF8HasNoBadByte() {
        #expect(StrategyReader.firstInvalidUTF8Byte(in: Data("Café — £5 💷".utf8)) == nil)
    }

    @Test func missingFolderIsAnIOError() {
        #expect(throws: StrategyReadError.notFound("/nonexistent/strategy")) {
            try StrategyReader().read(folder: "/nonexistent/strategy")
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("themes/people.md")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: url)).write(to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("key-areas/people/councillors.md")
        let text = try TestSupport.read(url).replacingOccurrences(of: "\n", with: "\r\n")
        try TestSupport.write(text, to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
        let area = try #require(compilation.strategy?.allKeyAreas.first { $0.id == "councillors" })
        #expect(area.description.markdown == "How councillors take part.")
    }
}

/// Positions and encodings that are easy to get subtly wrong.
@Suite struct PositionTests {
    /// libyaml counts columns in Unicode scalars; diagnostics count UTF-8 bytes, as cmark and editors do.
    /// In `title: Café é: councillors` the second colon is scalar column 14 but byte column 16.
    @Test func yamlColumnsCountUTF8Bytes() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("key-areas/people/councillors.md")
        try TestSupport.write(try TestSupport.read(url).replacingOccurrences(
            of: "title: Working with councillors", with: "title: Café é: councillors"), to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        let yaml = try #require(compilation.diagnostics.first { $0.code == .yamlSyntax })
        #expect(yaml.range.start == StrategyDiagnostics.SourceLocation(path: url.path, line: 3, column: 16))
    }

    /// YAML allows `...` to end a document; the splitter accepts it as the closing line.
    @Test func frontMatterMayEndWithDots() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("key-areas/people/councillors.md")
        try TestSupport.write(try TestSupport.read(url).replacingOccurrences(of: "since: 2018\n---\n", with: "since: 2018\n...\n"), to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
    }

    /// UTF-16 without a byte-order mark is recognised by where its NUL bytes fall.
    @Test(arguments: [(String.Encoding.utf16LittleEndian, "little-endian"), (.utf16BigEndian, "big-endian")])
    func utf16WithoutBOMIsRecognised(_ encoding: String.Encoding, _ name: String) throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("themes/people.md")
        try #require(try TestSupport.read(url).data(using: encoding)).write(to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        let diagnostic = try #require(compilation.diagnostics.first { $0.range.path == url.path })
        #expect(diagnostic.code == .fileNotUTF8)
        #expect(diagnostic.message == "file is UTF-16 (\(name)) text; save it as UTF-8")
    }

    /// A UTF-16 file is reported, then read on, so its other problems show in the same run.
    @Test func utf16FileIsReadOnAfterItIsReported() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("themes/people.md")
        let text = try TestSupport.read(url).replacingOccurrences(of: "title: People", with: "titel: People")
        try #require(text.data(using: .utf16)).write(to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        let here = compilation.diagnostics.filter { $0.range.path == url.path }.map(\.code)
        // The theme is left unbuilt (no title), so its key areas are not told their theme is unknown: one
        // note at the theme instead.
        #expect(here == [.idsUnchecked, .fileNotUTF8, .unknownKey])
    }

    /// A folder with more Markdown files than the limit is refused as a whole, before any is read.
    @Test func tooManyFilesIsRefusedBeforeReading() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let tree = try StrategyReader(maximumFileCount: 3).read(folder: root.path)
        #expect(tree.diagnostics.map(\.code) == [.tooManyFiles])
        #expect(tree.diagnostics.first?.message == "the folder holds 6 Markdown files; a strategy is limited to 3, so this is probably not a strategy folder")
        #expect(tree.strategyFile == nil && tree.keyAreaFiles.isEmpty)
        #expect(try StrategyReader(maximumFileCount: 6).read(folder: root.path).diagnostics.allSatisfy { $0.code != .tooManyFiles })
    }

    /// Compiling files held in memory gives exactly what compiling them from disk gives.
    @Test func inMemoryFilesCompileLikeTheFolder() throws {
        let root = TestSupport.fixtures.appendingPathComponent("small")
        let paths = (FileManager.default.subpaths(atPath: root.path) ?? []).filter { $0.hasSuffix(".md") }
        let files = try paths.map { (relativePath: $0, data: try Data(contentsOf: root.appendingPathComponent($0))) }
        let fromDisk = try StrategyCompiler().compile(folder: root.path)
        let inMemory = StrategyCompiler().compile(files: files, root: root.path)
        #expect(inMemory.fileCount == fromDisk.fileCount && inMemory.fileCount == 6)
        #expect(inMemory.diagnostics == fromDisk.diagnostics)
        let model = try #require(inMemory.strategy)
        #expect(ModelDumper(root: root.path).dump(model) == ModelDumper(root: root.path).dump(try #require(fromDisk.strategy)))
    }

    /// The size limit holds for a file handed over in memory (an editor's buffer) as for one on disk, to the
    /// byte: one byte over is refused, the limit itself is read.
    @Test func aFileInMemoryIsHeldToTheSizeLimit() {
        let path = "key-areas/people/big.md"
        let over = StrategyCompiler().compile(files: [(path, Data(repeating: 0x61, count: StrategyReader.maximumFileSize + 1))],
                                              root: "Strategy")
        #expect(over.diagnostics.filter { $0.range.path == "Strategy/" + path }.map(\.message)
                == ["file is \(StrategyReader.maximumFileSize + 1) bytes; source files are limited to \(StrategyReader.maximumFileSize) bytes"])
        let at = StrategyCompiler().compile(files: [(path, Data(repeating: 0x61, count: StrategyReader.maximumFileSize))],
                                            root: "Strategy")
        #expect(!at.diagnostics.contains { $0.code == .fileTooLarge })
    }

    /// The first control character's column counts UTF-8 bytes, as every diagnostic does.
    @Test func controlCharacterColumnCountsBytes() throws {
        let found = try #require(StrategyReader.firstControlCharacter(in: "ok\né€😀\u{7}x\u{1B}"))
        #expect(found.scalar == "\u{7}" && found.line == 2 && found.column == 10 && found.count == 2)
        // Line ends are already LF here (CR and CRLF are turned into LF first).
        #expect(StrategyReader.firstControlCharacter(in: "tabs\tare fine\nand so are line ends\n") == nil)
    }
}
