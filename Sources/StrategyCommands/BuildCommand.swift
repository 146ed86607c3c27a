import ArgumentParser
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender

/// `strategyc build [DIR] --out _site`: checks the sources and, only if there is no error, writes the
/// published toolkit (HTML site, toolkit.md, model.json) atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the sources and write the published toolkit (site, toolkit.md, workbook, model.json).",
        discussion: """
            The output is built in a temporary folder and moved into place only when everything succeeded: \
            a failed build leaves the previous output untouched.
            """
    )

    @Option(name: [.short, .customLong("out")], help: "The output folder.")
    var output: String = "_site"

    @Option(help: "The templates folder (Mustache templates, and assets/ copied as they are).")
    var templates: String = "Templates"

    @OptionGroup var options: CompileOptions

    /// The diff against the previous edition named in strategy.md, if any. A previous edition that cannot
    /// be read or has errors is reported at the `previous_edition` line.
    private func previousEditionChanges(_ strategy: Strategy) throws -> EditionDiff? {
        guard let previous = strategy.previousEdition else { return nil }
        let range = strategy.previousEditionRange ?? strategy.range
        func fail(_ reason: String) throws -> Never {
            options.write([Diagnostic(.previousEditionUnavailable, "previous edition '\(previous)' \(reason)", at: range)])
            throw ExitCode(ExitStatus.errors.rawValue)
        }
        let specification = previous.hasPrefix("git:") ? previous
            : (options.folder.hasSuffix("/") ? options.folder : options.folder + "/") + previous
        let source: EditionSource
        do {
            source = try EditionSource(specification)
        } catch {
            try fail("cannot be read: \(error)")
        }
        defer { source.cleanUp() }
        let compilation: Compilation
        do {
            compilation = try StrategyCompiler().compile(folder: source.folder)
        } catch {
            try fail("cannot be read: \(error)")
        }
        guard let before = compilation.strategy, compilation.succeeded else {
            let errors = compilation.diagnostics.filter { $0.severity == .error }.count
            try fail("has \(errors) error\(errors == 1 ? "" : "s"); run `strategyc check \(source.folder)`")
        }
        return EditionDiff(from: before, to: strategy)
    }

    func run() throws {
        let (strategy, _) = try options.compile()
        var diagnostics: [Diagnostic] = []
        let templateSet = TemplateSet.load(folder: templates, diagnostics: &diagnostics)
        options.write(diagnostics.sorted())
        guard let templateSet, !diagnostics.containsErrors else { throw ExitCode(ExitStatus.errors.rawValue) }
        let generator = "strategyc \(StrategycVersion.current)"
        let changes = try previousEditionChanges(strategy)
        var files = SiteRenderer(templates: templateSet, generator: generator).render(strategy, changes: changes)
        var workbookDiagnostics: [Diagnostic] = []
        files += try WorkbookCommand.render(strategy, generator: generator, diagnostics: &workbookDiagnostics)
        options.write(workbookDiagnostics)
        guard !workbookDiagnostics.containsErrors else { throw ExitCode(ExitStatus.errors.rawValue) }
        do {
            try AtomicFolderWriter().write(files, to: URL(fileURLWithPath: output))
        } catch {
            Output.standardError("strategyc: error: cannot write \(output): \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        if options.diagnosticsFormat == .text {
            let pages = files.filter { $0.path.hasSuffix(".html") }.count
            Output.standardOutput(
                "wrote \(output)/: \(pages) pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (\(files.count) files)\n")
        }
    }
}
