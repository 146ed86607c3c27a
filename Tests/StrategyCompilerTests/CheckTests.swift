import Foundation
@testable import StrategyCompiler
import StrategyModel
import Testing
import StrategyDiagnostics

/// One case per diagnostic code: a small change to the `small` fixture, and where the diagnostic must be.
struct CheckCase: CustomTestStringConvertible, Sendable {
    var code: DiagnosticCode
    /// The file the diagnostic must name, relative to the fixture.
    var file: String
    var line: Int
    var column: Int
    /// A fix-it replacement the diagnostic must offer, if any.
    var fixIt: String?
    /// Changes the fixture copy.
    var change: @Sendable (URL) throws -> Void

    var testDescription: String { code.rawValue }
}

private let councillors = "key-areas/people/councillors.md"

/// Rewrites one file of the fixture copy, replacing `old` with `new` (which must occur).
private func edit(_ path: String, _ old: String, _ new: String) -> @Sendable (URL) throws -> Void {
    { root in
        let url = root.appendingPathComponent(path)
        let text = try TestSupport.read(url)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile, userInfo: ["missing": old]) }
        try TestSupport.write(text.replacingOccurrences(of: old, with: new), to: url)
    }
}

private func writeFile(_ path: String, _ text: String) -> @Sendable (URL) throws -> Void {
    { root in try TestSupport.write(text, to: root.appendingPathComponent(path)) }
}

private func writeBytes(_ path: String, _ bytes: [UInt8]) -> @Sendable (URL) throws -> Void {
    { root in try Data(bytes).write(to: root.appendingPathComponent(path)) }
}

let checkCases: [CheckCase] = [
    CheckCase(code: .fileEmpty, file: councillors, line: 1, column: 1, change: writeFile(councillors, "")),
    CheckCase(code: .fileNotUTF8, file: councillors, line: 2, column: 5,
              change: writeBytes(councillors, Array("---\nid: ".utf8) + [0xC3, 0x28])),
    CheckCase(code: .fileBinary, file: councillors, line: 2, column: 1,
              change: writeBytes(councillors, Array("---\n".utf8) + [0, 1, 2])),
    CheckCase(code: .controlCharacter, file: councillors, line: 12, column: 5,
              change: edit(councillors, "How councillors take part.", "How \u{7}councillors take\u{1B}[2J part.")),
    CheckCase(code: .yamlAnchor, file: councillors, line: 5, column: 8, change: edit(councillors, "order: 1", "order: &o 1")),
    // A link is named as a whole file (line and column 0), never read.
    CheckCase(code: .fileIsLink, file: "key-areas/people/linked.md", line: 0, column: 0, change: { root in
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("key-areas/people/linked.md").path,
                                                   withDestinationPath: "/etc/hostname")
    }),
    CheckCase(code: .fileTooLarge, file: councillors, line: 1, column: 1,
              change: writeFile(councillors, String(repeating: "a", count: StrategyReader.maximumFileSize + 1))),
    CheckCase(code: .fileUnreadable, file: "key-areas/people/folder.md", line: 1, column: 1, change: { root in
        try FileManager.default.createDirectory(at: root.appendingPathComponent("key-areas/people/folder.md"),
                                                withIntermediateDirectories: true)
    }),
    CheckCase(code: .fileIgnored, file: "notes.md", line: 1, column: 1, change: writeFile("notes.md", "Notes.\n")),
    CheckCase(code: .missingStrategyFile, file: "strategy.md", line: 1, column: 1, change: { root in
        try FileManager.default.removeItem(at: root.appendingPathComponent("strategy.md"))
    }),
    CheckCase(code: .frontMatterMissing, file: councillors, line: 1, column: 1,
              change: edit(councillors, "---\nid: councillors", "id: councillors")),
    CheckCase(code: .frontMatterUnclosed, file: councillors, line: 1, column: 1, fixIt: "---\n",
              change: edit(councillors, "since: 2018\n---\n", "since: 2018\n")),
    CheckCase(code: .yamlSyntax, file: councillors, line: 3, column: 8,
              change: edit(councillors, "title: Working with councillors", "title: [Working with councillors")),
    CheckCase(code: .frontMatterNotMapping, file: councillors, line: 2, column: 1,
              change: edit(councillors, "id: councillors\ntitle: Working with councillors\ntheme: people\norder: 1\nstatus: active\nsince: 2018", "- just a list")),
    CheckCase(code: .missingKey, file: councillors, line: 1, column: 1,
              change: edit(councillors, "title: Working with councillors\n", "")),
    CheckCase(code: .unknownKey, file: councillors, line: 4, column: 1, fixIt: "theme",
              change: edit(councillors, "theme: people", "them: people")),
    CheckCase(code: .duplicateKey, file: councillors, line: 6, column: 1,
              change: edit(councillors, "order: 1\n", "order: 1\norder: 2\n")),
    CheckCase(code: .invalidType, file: councillors, line: 5, column: 8,
              change: edit(councillors, "order: 1", "order: first")),
    CheckCase(code: .invalidValue, file: councillors, line: 6, column: 9, fixIt: "active",
              change: edit(councillors, "status: active", "status: activ")),
    CheckCase(code: .invalidID, file: councillors, line: 2, column: 5, fixIt: "councillors-team",
              change: edit(councillors, "id: councillors", "id: Councillors Team")),
    CheckCase(code: .duplicateID, file: "key-areas/people/copy.md", line: 2, column: 5, change: { root in
        try FileManager.default.copyItem(at: root.appendingPathComponent(councillors),
                                         to: root.appendingPathComponent("key-areas/people/copy.md"))
    }),
    CheckCase(code: .fileNameMismatch, file: "key-areas/enablers/info.md", line: 2, column: 5, change: { root in
        try FileManager.default.moveItem(at: root.appendingPathComponent("key-areas/enablers/data.md"),
                                         to: root.appendingPathComponent("key-areas/enablers/info.md"))
    }),
    CheckCase(code: .unknownTheme, file: councillors, line: 4, column: 8, fixIt: "people",
              change: edit(councillors, "theme: people", "theme: peple")),
    CheckCase(code: .valueCutByComment, file: councillors, line: 3, column: 8,
              fixIt: "\"Working with councillors #1 priority\"",
              change: edit(councillors, "title: Working with councillors", "title: Working with councillors #1 priority")),
    CheckCase(code: .wrongHeadingLevel, file: councillors, line: 22, column: 1, fixIt: "##",
              change: edit(councillors, "## Indicators", "# Indicators")),
    CheckCase(code: .duplicateOrder, file: "themes/people.md", line: 4, column: 8, fixIt: "2",
              change: edit("themes/enablers.md", "order: 2", "order: 1")),
    CheckCase(code: .noLevels, file: "strategy.md", line: 7, column: 9, change: { root in
        let url = root.appendingPathComponent("strategy.md")
        let text = try TestSupport.read(url)
        let start = try #require(text.range(of: "levels:"))
        let end = try #require(text.range(of: "---\n", range: start.upperBound..<text.endIndex))
        try TestSupport.write(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "levels: []\n"), to: url)
    }),
    CheckCase(code: .missingDescription, file: councillors, line: 9, column: 1,
              change: edit(councillors, "## Description\n\nHow councillors take part.\n\n", "")),
    CheckCase(code: .missingHelp, file: councillors, line: 9, column: 1,
              change: edit(councillors, "## What it is\n\nCouncillors set direction.\n\n", "")),
    CheckCase(code: .unknownSection, file: councillors, line: 18, column: 1, fixIt: "Why it is important",
              change: edit(councillors, "## Why it is important", "## Why it is importnt")),
    CheckCase(code: .duplicateSection, file: councillors, line: 22, column: 1,
              change: edit(councillors, "## Indicators", "## Description\n\nAgain.\n\n## Indicators")),
    CheckCase(code: .contentOutsideSection, file: councillors, line: 10, column: 1,
              change: edit(councillors, "## Description", "Stray text.\n\n## Description")),
    CheckCase(code: .unexpectedHeading, file: councillors, line: 10, column: 1,
              change: edit(councillors, "## Description", "# Working with councillors\n\n## Description")),
    CheckCase(code: .missingIndicators, file: councillors, line: 22, column: 1, change: { root in
        let url = root.appendingPathComponent(councillors)
        let text = try TestSupport.read(url)
        let cut = try #require(text.range(of: "## Indicators"))
        try TestSupport.write(String(text[..<cut.upperBound]) + "\n", to: url)
    }),
    CheckCase(code: .missingIndicatorID, file: councillors, line: 41, column: 1, fixIt: " {#training}",
              change: edit(councillors, "### Training {#councillors-training}", "### Training")),
    CheckCase(code: .duplicateKeyAreaTitle, file: "key-areas/enablers/data.md", line: 3, column: 8,
              change: edit("key-areas/enablers/data.md", "title: Using data", "title: Working with councillors")),
    CheckCase(code: .duplicateIndicatorTitle, file: councillors, line: 41, column: 1,
              change: edit(councillors, "### Training {#councillors-training}", "### Briefings {#councillors-training}")),
    CheckCase(code: .missingLevel, file: councillors, line: 41, column: 1,
              change: edit(councillors, "#### Leading\n\nA full programme.\n", "")),
    CheckCase(code: .unknownLevel, file: councillors, line: 51, column: 1, fixIt: "Leading",
              change: edit(councillors, "#### Leading\n\nA full", "#### Leadin\n\nA full")),
    CheckCase(code: .duplicateLevel, file: councillors, line: 51, column: 1,
              change: edit(councillors, "#### Leading\n\nA full", "#### Established\n\nA full")),
    CheckCase(code: .levelOutOfOrder, file: councillors, line: 47, column: 1,
              change: edit(councillors, "#### Starting\n\nNone.\n\n#### Established\n\nSome **courses**.",
                           "#### Established\n\nSome **courses**.\n\n#### Starting\n\nNone.")),
    CheckCase(code: .emptyDescriptor, file: councillors, line: 43, column: 1,
              change: edit(councillors, "#### Starting\n\nNone.\n", "#### Starting\n")),
    CheckCase(code: .longDescriptor, file: councillors, line: 51, column: 1,
              change: edit(councillors, "A full programme.", String(repeating: "word ", count: 250))),
    CheckCase(code: .rawHTML, file: councillors, line: 45, column: 6,
              change: edit(councillors, "None.", "None <b>at all</b>.")),
    CheckCase(code: .unsupportedMarkdown, file: councillors, line: 45, column: 1,
              change: edit(councillors, "None.", "| a | b |\n|---|---|\n| 1 | 2 |")),
    CheckCase(code: .brokenLink, file: councillors, line: 49, column: 16, fixIt: "councillors.html",
              change: edit(councillors, "Some **courses**.", "Some [courses](councilors.html).")),
    CheckCase(code: .unsafeLink, file: councillors, line: 49, column: 6,
              change: edit(councillors, "Some **courses**.", "Some [courses](javascript:alert(1)).")),
    CheckCase(code: .unknownReference, file: "key-areas/people/old-practice.md", line: 9, column: 15, fixIt: "councillors",
              change: edit("key-areas/people/old-practice.md", "replaced_by: [councillors]", "replaced_by: [councilors]")),
    CheckCase(code: .retiredReference, file: "key-areas/people/old-practice.md", line: 9, column: 15,
              change: edit("key-areas/people/old-practice.md", "replaced_by: [councillors]", "replaced_by: [old-practice]")),
    CheckCase(code: .placeholderText, file: councillors, line: 45, column: 1,
              change: edit(councillors, "None.", "TODO: describe this level.")),
    // `since: 2018` is line 7 of the key area; the strategy's edition is 2024.
    CheckCase(code: .editionOutOfRange, file: councillors, line: 7, column: 8, fixIt: "2024",
              change: edit(councillors, "since: 2018", "since: 2030")),
    CheckCase(code: .unknownEdition, file: councillors, line: 7, column: 8, fixIt: "2018",
              change: { root in
                  try edit("strategy.md", "edition: 2024\n", "edition: 2024\neditions: [2014, 2018, 2024]\n")(root)
                  try edit(councillors, "since: 2018", "since: 2019")(root)
              }),
    CheckCase(code: .emptyTheme, file: "themes/spare.md", line: 2, column: 5,
              change: writeFile("themes/spare.md", "---\nid: spare\ntitle: Spare\norder: 3\nkind: theme\n---\n\nNothing yet.\n")),
    CheckCase(code: .assessmentListEmpty, file: "assessment.md", line: 3, column: 10,
              change: writeFile("assessment.md", "---\norganisation_types: [Other]\nregions: []\nvalidation: [Self-assessed]\n---\n\nWho answers.\n")),
    CheckCase(code: .assessmentChoiceDuplicate, file: "assessment.md", line: 4, column: 29,
              change: writeFile("assessment.md", "---\norganisation_types: [Other]\nregions: [London]\nvalidation: [Self-assessed, self-assessed]\n---\n\nWho answers.\n")),
]

@Suite struct CheckTests {
    @Test(arguments: checkCases)
    func reportsCodeAtPosition(_ check: CheckCase) throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try check.change(root)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        let path = root.appendingPathComponent(check.file).path
        let found = compilation.diagnostics.filter { $0.code == check.code }
        let rendered = DiagnosticFormat.text.render(compilation.diagnostics)
        let diagnostic = try #require(found.first { $0.range.path == path }, "no \(check.code.rawValue) in:\n\(rendered)")
        #expect(diagnostic.range.start.line == check.line, "\(rendered)")
        #expect(diagnostic.range.start.column == check.column, "\(rendered)")
        #expect(diagnostic.severity == check.code.defaultSeverity)
        if let fixIt = check.fixIt {
            #expect(diagnostic.fixIts.map(\.replacement) == [fixIt], "\(rendered)")
        }
        // An error fails the build; a warning alone does not.
        #expect(compilation.succeeded == (diagnostic.severity != .error), "\(rendered)")
    }

    /// Every code the compiler can emit has a case above, so no check goes untested. (Template codes come
    /// and workbook codes come from `build`, not the compiler; StrategyRenderTests covers them.)
    /// Reported by the publication pipeline, not the compiler; StrategyPipelineTests and the end-to-end
    /// tests cover them.
    static let pipelineCodes: Set<DiagnosticCode> = Set([
        .previousEditionUnavailable, .idRemoved, .idChanged, .retiredIDReused, .outputProtected, .outputNotOwned,
        .outputWriteFailed, .folderUnreadable,
        .tooManyFiles,  // needs a smaller limit than the compiler's: ReaderTests
        .idsUnchecked,  // a note always beside an error (so no build succeeds): UnbuiltFileTests, one per check
    ] + DiagnosticCode.allCases.filter { $0.rawValue.hasPrefix("variant-") || $0 == .overrideBaseChanged || $0 == .overrideBaseMissing })

    @Test func everyCodeHasACase() {
        let covered = Set(checkCases.map(\.code))
        let missing = DiagnosticCode.allCases.filter {
            !covered.contains($0) && !$0.rawValue.hasPrefix("template-") && !$0.rawValue.hasPrefix("workbook-")
                && !$0.rawValue.hasPrefix("return-")  // the reader of returns: StrategyReturnsTests, BenchmarkCommandTests
                && ![.storeUnusable, .peersUnusable].contains($0)  // the benchmark: BenchmarkCommandTests
                && !$0.rawValue.hasPrefix("collect-")  // the online diagnostic: CollectRoundTests
                && !Self.pipelineCodes.contains($0)
        }
        #expect(missing.isEmpty, "no CheckCase for \(missing.map(\.rawValue))")
    }
}

/// docs/diagnostics.md lists every code with its severity, so the documentation cannot fall behind.
@Suite struct DiagnosticsDocumentationTests {
    @Test(arguments: DiagnosticCode.allCases)
    func codeIsDocumented(_ code: DiagnosticCode) throws {
        let doc = try TestSupport.read(TestSupport.packageRoot.appendingPathComponent("docs/diagnostics.md"))
        #expect(doc.contains("| `\(code.rawValue)` | \(code.defaultSeverity.rawValue) |"))
    }
}
