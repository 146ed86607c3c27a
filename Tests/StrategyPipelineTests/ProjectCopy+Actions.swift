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
    func check(since: String? = nil, sincePrevious: Bool = false, variant: String? = nil, warningsAsErrors: Bool = false,
               relativePaths: Bool = true) throws -> [Diagnostic] {
        try publish(.check, since: since, sincePrevious: sincePrevious, variant: variant, warningsAsErrors: warningsAsErrors,
                    relativePaths: relativePaths).diagnostics
    }

    /// What `check` would exit with, and what it would write to standard error.
    struct CheckedText {
        var status: Int32
        var stderr: String
    }

    /// `check` (or `check --variant`), as the command would end: its exit status and its diagnostics in
    /// `format`.
    func checkText(variant: String? = nil, warningsAsErrors: Bool = false, relativePaths: Bool = true,
                   format: DiagnosticFormat = .text) throws -> CheckedText {
        let diagnostics = try check(variant: variant, warningsAsErrors: warningsAsErrors, relativePaths: relativePaths)
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
    func publish(_ goal: PublishAction.Goal, out: String = "_site", since: String? = nil, sincePrevious: Bool = false,
                 variant: String? = nil, warningsAsErrors: Bool = false, relativePaths: Bool = true)
        throws -> (outcome: PublicationOutcome?, diagnostics: [Diagnostic]) {
        let request = PublicationRequest(
            strategyFolder: url("Strategy").path, templates: .folder(url("Templates").path), outputFolder: url(out).path,
            since: since ?? (sincePrevious ? url("Previous/Strategy").path : nil), generator: "strategyc test",
            workingDirectory: root.path)
        let pipeline = PublicationPipeline(request, collector: DiagnosticCollector(warningsAsErrors: warningsAsErrors))
        let outcome = try variant.map { try VariantPublishAction(pipeline, folder: url($0).path, goal: goal).perform() }
            ?? PublishAction(pipeline, goal: goal).perform()
        return (outcome, relativePaths ? pipeline.collector.diagnostics.map(relative) : pipeline.collector.diagnostics)
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
