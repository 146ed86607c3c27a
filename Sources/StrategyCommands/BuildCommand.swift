import ArgumentParser
import Foundation
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

    func run() throws {
        let (strategy, _) = try options.compile()
        var diagnostics: [Diagnostic] = []
        let templateSet = TemplateSet.load(folder: templates, diagnostics: &diagnostics)
        options.write(diagnostics.sorted())
        guard let templateSet, !diagnostics.containsErrors else { throw ExitCode(ExitStatus.errors.rawValue) }
        let generator = "strategyc \(StrategycVersion.current)"
        var files = SiteRenderer(templates: templateSet, generator: generator).render(strategy)
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
