import Foundation
import StrategyDiagnostics
import StrategyPipeline
import StrategyRender
import Testing
import TestSupport

/// The pipeline tests' view of a `ProjectCopy`: the actions of `check`, `build`, `diff`, `new` and
/// `variant accept-base` performed in the test process, the diagnostics handed back as values with their
/// paths as a user running `strategyc` from the copy's root sees them.
extension ProjectCopy {
    /// `check` of the strategy (held to `Previous/Strategy` when `sincePrevious`), or `check --variant`:
    /// the action `strategyc check` performs, with the templates and output folder it would use.
    /// - Parameter since: an edition as `--since` names it (`git:HEAD`), read in the copy's repository.
    /// - Parameter relativePaths: false to keep the paths absolute, as `strategyc check FOLDER` names them.
    func check(out: String = "_site", since: String? = nil, sincePrevious: Bool = false, variant: String? = nil,
               warningsAsErrors: Bool = false, relativePaths: Bool = true) throws -> [Diagnostic] {
        try publish(.check, out: out, since: since, sincePrevious: sincePrevious, variant: variant, warningsAsErrors: warningsAsErrors,
                    relativePaths: relativePaths).diagnostics
    }

    /// What `check` would exit with, and what it would write to standard error.
    struct CheckedText {
        var status: Int32
        var stderr: String
    }

    /// `check` (or `check --variant`), as the command would end: its exit status and its diagnostics in
    /// `format`.
    func checkText(out: String = "_site", variant: String? = nil, warningsAsErrors: Bool = false, relativePaths: Bool = true,
                   format: DiagnosticFormat = .text) throws -> CheckedText {
        let diagnostics = try check(out: out, variant: variant, warningsAsErrors: warningsAsErrors, relativePaths: relativePaths)
        return CheckedText(status: diagnostics.containsErrors ? 1 : 0, stderr: format.render(diagnostics))
    }

    /// The 1-based line of `path` that starts with `prefix`, and the byte column just after it.
    func place(_ path: String, _ prefix: String) throws -> (line: Int, column: Int) {
        let lines = try read(path).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        return (index + 1, prefix.utf8.count + 1)
    }

    /// `build [--since Previous/Strategy] --out OUT`, or `build --variant VARIANT --out OUT`, from the root.
    func build(out: String, sincePrevious: Bool = false, variant: String? = nil) throws -> [Diagnostic] {
        try publish(.build, out: out, sincePrevious: sincePrevious, variant: variant).diagnostics
    }

    /// `check` or `build`, with the outcome: the action the command performs.
    /// - Parameter withVariants: a folder of variants to publish under the site, as `--with-variants` names it.
    func publish(_ goal: PublishAction.Goal, out: String = "_site", since: String? = nil, sincePrevious: Bool = false,
                 variant: String? = nil, withVariants: String? = nil, warningsAsErrors: Bool = false,
                 relativePaths: Bool = true) throws -> (outcome: PublicationOutcome?, diagnostics: [Diagnostic]) {
        let pipeline = publishingPipeline(out: out, since: since ?? (sincePrevious ? url("Previous/Strategy").path : nil),
                                          warningsAsErrors: warningsAsErrors)
        let outcome = try variant.map { try VariantPublishAction(pipeline, folder: url($0).path, goal: goal).perform() }
            ?? PublishAction(pipeline, goal: goal, withVariants: withVariants.map { url($0).path }).perform()
        return (outcome, relativePaths ? pipeline.collector.diagnostics.map(relative) : pipeline.collector.diagnostics)
    }

    /// `build --variants FOLDER --out OUT` (or `check --variants`), from the root.
    func publishVariants(_ folder: String, out: String, goal: PublishAction.Goal = .build)
        throws -> (files: [OutputFile]?, diagnostics: [Diagnostic]) {
        let pipeline = publishingPipeline(out: out)
        let outcome = try VariantBatchAction(pipeline, folder: url(folder).path, goal: goal).perform()
        return (outcome, pipeline.collector.diagnostics.map(relative))
    }

    /// `export [--variant VARIANT] [-o OUTPUT]`: the document (written to OUTPUT when given), or nil with the
    /// diagnostics that say why.
    func export(variant: String? = nil, output: String? = nil) throws -> (outcome: ExportAction.Outcome?, diagnostics: [Diagnostic]) {
        let pipeline = publishingPipeline(out: nil)
        let outcome = try ExportAction(pipeline, variant: variant.map { url($0).path }, output: output.map { url($0).path }).perform()
        return (outcome, pipeline.collector.diagnostics.map(relative))
    }

    /// `workbook [--variant VARIANT] -o OUTPUT`.
    func workbook(variant: String? = nil, output: String) throws -> (outcome: WorkbookAction.Outcome?, diagnostics: [Diagnostic]) {
        let pipeline = publishingPipeline(out: nil)
        let outcome = try WorkbookAction(pipeline, variant: variant.map { url($0).path }, output: url(output).path).perform()
        return (outcome, pipeline.collector.diagnostics.map(relative))
    }

    /// A pipeline over the copy's strategy and templates, as the publishing commands make it from the root.
    private func publishingPipeline(out: String?, since: String? = nil, warningsAsErrors: Bool = false) -> PublicationPipeline {
        let request = PublicationRequest(
            strategyFolder: url("Strategy").path, templates: .folder(url("Templates").path), outputFolder: out.map { url($0).path },
            since: since, generator: "strategyc test", workingDirectory: root.path)
        return PublicationPipeline(request, collector: DiagnosticCollector(warningsAsErrors: warningsAsErrors))
    }

    /// `diff OLD NEW` (paths from the root): the editions compared, or nil with the diagnostics that say why.
    func diff(_ old: String, _ new: String) throws -> (diff: EditionDiff?, diagnostics: [Diagnostic]) {
        let pipeline = sourcesPipeline()
        let outcome = try DiffAction(pipeline, old: url(old).path, new: url(new).path).perform()
        guard case .compared(let diff) = outcome else { return (nil, pipeline.collector.diagnostics.map(relative)) }
        return (diff, pipeline.collector.diagnostics.map(relative))
    }

    /// `variant accept-base VARIANT` from the root.
    func acceptBase(_ variant: String) throws -> AcceptBaseAction.Outcome? {
        try AcceptBaseAction(sourcesPipeline(), folder: url(variant).path).perform()
    }

    /// `new ...` into the copy's strategy.
    func new(_ element: NewElementAction.Element, title: String) throws -> NewElementAction.Outcome? {
        try NewElementAction(sourcesPipeline(), element: element, title: title).perform()
    }

    /// A pipeline over the copy's strategy for the actions that publish nothing.
    private func sourcesPipeline() -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: url("Strategy").path, generator: "strategyc test",
                                               workingDirectory: root.path),
                            collector: DiagnosticCollector())
    }

    /// The diagnostic with the copy's root taken off its paths and out of its messages, its notes' and its
    /// fix-its', as they read when the command runs from the root.
    private func relative(_ diagnostic: Diagnostic) -> Diagnostic {
        let prefix = root.path + "/"
        func shown(_ range: SourceRange) -> SourceRange {
            var range = range
            if range.start.path.hasPrefix(prefix) { range.start.path.removeFirst(prefix.count) }
            if range.end.path.hasPrefix(prefix) { range.end.path.removeFirst(prefix.count) }
            return range
        }
        func said(_ message: String) -> String { message.replacingOccurrences(of: prefix, with: "") }
        var diagnostic = diagnostic
        diagnostic.range = shown(diagnostic.range)
        diagnostic.message = said(diagnostic.message)
        diagnostic.notes = diagnostic.notes.map { note in
            var note = note
            note.range = note.range.map(shown)
            note.message = said(note.message)
            return note
        }
        diagnostic.fixIts = diagnostic.fixIts.map { fixIt in
            var fixIt = fixIt
            fixIt.range = shown(fixIt.range)
            fixIt.message = said(fixIt.message)
            return fixIt
        }
        return diagnostic
    }
}
