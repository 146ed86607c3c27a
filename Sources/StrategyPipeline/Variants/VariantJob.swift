import Dispatch
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyRules
import StrategyWorkbook
import StrategyDiagnostics

/// One resolved variant's remaining work: held to the national rules, given its title, stamped and
/// rendered. Kept apart from resolution (which shares caches) so that a batch can do this for its variants
/// on several threads: each job reports into its own collector, and the batch reports the diagnostics and
/// assembles the files in the variants' order, so the output is the same whatever the threads did.
struct VariantJob: Sendable {
    var resolved: ResolvedVariant
    /// Nil when the templates cannot be used (already reported); the job then checks without rendering.
    var templates: TemplateSet?
    var baseHash: ContentHash
    var generator: String

    struct Result: Sendable {
        var strategy: Strategy
        var published: PublishedStrategy
        var stamp: PublicationStamp
        var files: [OutputFile]
    }

    /// Checks the variant, and renders its site, toolkit.md, model.json, workbook and CSV when `rendering`
    /// and nothing is wrong.
    func run(rendering: Bool, reportingTo collector: DiagnosticCollector) -> Result {
        RuleRegistry.standard.check(.model, RuleContext(strategy: resolved.strategy, variant: resolved), reportingTo: collector)
        let strategy = resolved.publishedStrategy
        let published = PublishedStrategy(strategy), stamp = PublicationStamp(strategy, generator: generator)
        var result = Result(strategy: strategy, published: published, stamp: stamp, files: [])
        guard rendering, let templates, !collector.hasErrors else { return result }
        templates.checkFields(of: strategy, reportingTo: collector)
        result.files = SiteRenderer(templates: templates, stamp: stamp)
            .render(published, variant: VariantPresentation(resolved), reportingTo: collector)
        do {
            result.files += try WorkbookRenderer(stamp: stamp)
                .render(published, variant: WorkbookVariant(resolved, baseHash: baseHash), reportingTo: collector)
        } catch {
            collector.report(Diagnostic(.workbookWriteFailed, "the workbook cannot be made: \(error)", at: strategy.range))
        }
        return result
    }

    /// Every job run, on as many threads as the machine has cores; results in the jobs' order.
    static func runAll(_ jobs: [VariantJob], rendering: Bool, warningsAsErrors: Bool,
                       progress: (@Sendable (Int) -> Void)? = nil) -> [(result: Result, diagnostics: [Diagnostic])] {
        let slots = Slots(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let collector = DiagnosticCollector(warningsAsErrors: warningsAsErrors)
            let result = jobs[index].run(rendering: rendering, reportingTo: collector)
            let done = slots.set(index, (result, collector.diagnostics))
            progress?(done)
        }
        return slots.values.map { $0! }
    }

    /// The jobs' results, filled in from several threads.
    private final class Slots: @unchecked Sendable {
        private var slots: [(result: Result, diagnostics: [Diagnostic])?]
        private var done = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// Stores one job's result and says how many are done.
        func set(_ index: Int, _ value: (result: Result, diagnostics: [Diagnostic])) -> Int {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = value
            done += 1
            return done
        }

        var values: [(result: Result, diagnostics: [Diagnostic])?] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }
}

extension PublicationPipeline {
    /// A variant resolved (its chain of bases read and applied), with its templates, ready to be checked
    /// and rendered.
    func variantJob(_ folder: String) throws -> VariantJob? {
        guard let resolved = try resolveVariant(folder) else { return nil }
        return VariantJob(resolved: resolved, templates: loadTemplates(overrides: templateOverrides(of: resolved)),
                          baseHash: nationalHash(of: resolved.base), generator: request.generator)
    }
}
