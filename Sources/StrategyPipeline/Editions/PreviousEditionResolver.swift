import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRules
import StrategyDiagnostics
import StrategyRender

/// Reads the edition this one is compared with, and holds the current edition to the living-strategy
/// rules against it (`RuleSubject.previousEdition`).
struct PreviousEditionResolver {
    let strategyFolder: String
    /// Where `git:REV` is read from; nil for the working folder.
    var workingDirectory: String? = nil
    let collector: DiagnosticCollector

    /// - Parameters:
    ///   - reference: `git:REV[:PATH]`, or a folder (relative to the strategy folder for `previous_edition`).
    ///   - range: where problems with the reference itself are reported.
    ///   - relativeToStrategy: whether a relative folder starts at the strategy folder (`previous_edition`)
    ///     or at the working folder (`--since`).
    func resolve(_ reference: String, reportedAt range: SourceRange, relativeToStrategy: Bool,
                 current: Strategy) -> PreviousEdition? {
        func fail(_ reason: String) -> PreviousEdition? {
            collector.report(Diagnostic(.previousEditionUnavailable, "previous edition '\(reference)' \(reason)", at: range))
            return nil
        }
        let specification: String
        if reference.hasPrefix("git:") || reference.hasPrefix("/") || !relativeToStrategy {
            specification = reference
        } else {
            specification = (strategyFolder.hasSuffix("/") ? strategyFolder : strategyFolder + "/") + reference
        }
        let source: EditionSource
        do {
            source = try EditionSource(specification, workingDirectory: workingDirectory)
        } catch {
            return fail("cannot be read: \(error)")
        }
        defer { source.cleanUp() }
        let compilation: Compilation
        do {
            compilation = try StrategyCompiler().compile(folder: source.folder)
        } catch {
            return fail("cannot be read: \(error)")
        }
        guard let before = compilation.strategy, compilation.succeeded else {
            let errors = compilation.diagnostics.filter { $0.severity == .error }.count
            return fail("has \(errors) error\(errors == 1 ? "" : "s"); run `strategyc check \(source.label)`")
        }
        let previous = PreviousEditionSubject(strategy: before, label: source.label, displayPath: source.displayPath,
                                              strategyFolder: strategyFolder)
        RuleRegistry.standard.check(.previousEdition, RuleContext(strategy: current, previousEdition: previous),
                                    reportingTo: collector)
        return PreviousEdition(label: source.label, strategy: before, changes: EditionDiff(from: before, to: current))
    }
}
