import Dispatch
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender

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
        VariantModelCheck.check(resolved, reportingTo: collector)
        let strategy = resolved.publishedStrategy
        let published = PublishedStrategy(strategy), stamp = PublicationStamp(strategy, generator: generator)
        var result = Result(strategy: strategy, published: published, stamp: stamp, files: [])
        guard rendering, let templates, !collector.hasErrors else { return result }
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
    /// Every stage of a variant's publication short of writing: its chain resolved and checked, the result
    /// held to the national rules, and its site (with origins, base texts beside overrides and "How this
    /// variant differs"), toolkit.md, workbook and model rendered. The site carries the variant's title and
    /// introduction.
    public func publishVariant(_ folder: String) throws -> Publication? {
        try publishVariant(folder, checkingOutput: true)?.publication
    }

    /// The same, with the resolved variant (for `check --variant`'s summary).
    public func publishVariant(_ folder: String, checkingOutput: Bool) throws
        -> (publication: Publication, resolved: ResolvedVariant)? {
        if checkingOutput { checkOutputFolder() }
        guard let job = try variantJob(folder) else { return nil }
        let result = job.run(rendering: !collector.hasErrors, reportingTo: collector)
        let publication = Publication(strategy: result.strategy, published: result.published, stamp: result.stamp,
                                      compilation: Compilation(strategy: result.strategy, diagnostics: [], fileCount: 0),
                                      previousEdition: nil, files: result.files)
        return (publication, job.resolved)
    }

    /// A variant resolved (its chain of bases read and applied), with its templates, ready to be checked
    /// and rendered.
    private func variantJob(_ folder: String) throws -> VariantJob? {
        guard let resolved = try resolveVariant(folder) else { return nil }
        return VariantJob(resolved: resolved, templates: loadTemplates(overrides: templateOverrides(of: resolved)),
                          baseHash: nationalHash(of: resolved.base), generator: request.generator)
    }

    /// Every variant in `folder` (each sub-folder with a `variant.md`), each published into a folder named
    /// after its id, and an index of them at the root; every problem of every variant reported in one run.
    public func publishVariants(_ folder: String) throws -> [OutputFile]? {
        checkOutputFolder()
        return try publishVariants(folder, under: nil)
    }

    /// The batch, for a folder of its own (`national` nil) or under the national site, whose content hash
    /// every variant must then be built on: a variant of another strategy is not published beside it.
    ///
    /// Variants are resolved and checked one after the other (bases and shared layers are read once), then
    /// rendered in parallel.
    func publishVariants(_ folder: String, under publishedNational: (strategy: Strategy, hash: ContentHash)?) throws
        -> [OutputFile]? {
        let root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: root + "/" + $0 + "/" + VariantReader.fileName) }
        guard !names.isEmpty else {
            collector.report(Diagnostic(.variantBaseMissing, "'\(root)' holds no variant (no sub-folder with a variant.md)",
                                        at: SourceRange(at: .wholeFile(root))))
            return nil
        }
        var jobs: [(id: String, job: VariantJob)] = []
        var entries: [VariantsIndexRenderer.Entry] = []
        var national = publishedNational?.strategy
        for (position, name) in names.enumerated() {
            progress?(.resolving(done: position, of: names.count))
            guard let job = try variantJob(root + "/" + name) else { continue }
            let resolved = job.resolved
            national = national ?? resolved.base
            guard let layer = resolved.variant else { continue }
            if let publishedNational, let first = resolved.layers.first, job.baseHash != publishedNational.hash {
                collector.report(Diagnostic(
                    .variantBaseMissing,
                    "'\(first.id)' is built on '\(first.base)', which is not the strategy being published "
                        + "(\(request.strategyFolder)); only its own variants are published under its site",
                    at: first.baseRange))
            }
            let baseTitle = resolved.layers.dropLast().last?.title ?? resolved.base.title
            entries.append(.init(id: layer.id, title: layer.title, audience: layer.audience,
                                 organisationType: layer.organisationType.label(in: resolved.strategy.assessmentForm),
                                 base: baseTitle))
            jobs.append((layer.id, job))
        }
        // Every variant is checked even when one already failed, so that one run reports every problem;
        // nothing is rendered then.
        let report = progress, total = jobs.count
        let results = VariantJob.runAll(jobs.map(\.job), rendering: !collector.hasErrors,
                                        warningsAsErrors: collector.warningsAsErrors) { done in
            report?(.rendering(done: done, of: total))
        }
        var files: [OutputFile] = []
        for ((id, _), outcome) in zip(jobs, results) {
            collector.report(outcome.diagnostics)
            files += outcome.result.files.map { OutputFile(path: id + "/" + $0.path, contents: $0.contents) }
        }
        guard let national, let templates = loadTemplates() else { return nil }
        guard !collector.hasErrors else { return nil }
        return files + VariantsIndexRenderer(templates: templates)
            .render(entries, national: national, generator: request.generator, linksToNational: publishedNational != nil,
                    reportingTo: collector)
    }
}
