import Dispatch
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender

/// Everything one variant's files are rendered from, worked out before rendering, so that a batch can
/// render its variants on several threads: each job renders into its own collector, and the batch reports
/// the diagnostics and assembles the files in the variants' order, so the output is the same whatever the
/// threads did.
struct VariantRenderJob: Sendable {
    var published: PublishedStrategy
    var stamp: PublicationStamp
    var presentation: VariantPresentation
    var workbook: WorkbookVariant
    var templates: TemplateSet

    /// The site (with origins, base texts beside overrides and "How this variant differs"), toolkit.md,
    /// model.json, the workbook and its CSV.
    func render(reportingTo collector: DiagnosticCollector) -> [OutputFile] {
        var files = SiteRenderer(templates: templates, stamp: stamp)
            .render(published, variant: presentation, reportingTo: collector)
        do {
            files += try WorkbookRenderer(stamp: stamp).render(published, variant: workbook, reportingTo: collector)
        } catch {
            collector.report(Diagnostic(.workbookWriteFailed, "the workbook cannot be made: \(error)",
                                        at: published.strategy.range))
        }
        return files
    }

    /// Every job rendered, on as many threads as the machine has cores; results in the jobs' order.
    static func renderAll(_ jobs: [VariantRenderJob], warningsAsErrors: Bool,
                          progress: (@Sendable (Int) -> Void)? = nil) -> [(files: [OutputFile], diagnostics: [Diagnostic])] {
        let results = Results(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let collector = DiagnosticCollector(warningsAsErrors: warningsAsErrors)
            let files = jobs[index].render(reportingTo: collector)
            let done = results.set(index, (files, collector.diagnostics))
            progress?(done)
        }
        return results.values
    }

    /// The rendered files of each job, filled in from several threads.
    private final class Results: @unchecked Sendable {
        private var slots: [(files: [OutputFile], diagnostics: [Diagnostic])]
        private var done = 0
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: ([], []), count: count) }

        /// Stores one job's result and says how many are done.
        func set(_ index: Int, _ result: (files: [OutputFile], diagnostics: [Diagnostic])) -> Int {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
            done += 1
            return done
        }

        var values: [(files: [OutputFile], diagnostics: [Diagnostic])] {
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
        guard let (strategy, job, resolved) = try prepareVariantJob(folder) else { return nil }
        let files = job.flatMap { collector.hasErrors ? nil : $0.render(reportingTo: collector) } ?? []
        return (publication(strategy, job: job, files: files), resolved)
    }

    /// A variant resolved, checked and made ready to render; the job is nil when the templates cannot be used.
    private func prepareVariantJob(_ folder: String) throws -> (Strategy, VariantRenderJob?, ResolvedVariant)? {
        guard let resolved = try resolveVariant(folder) else { return nil }
        checkResolvedVariant(resolved)
        let templates = loadTemplates(overrides: templateOverrides(of: resolved))
        let (strategy, published, stamp) = prepareVariant(resolved)
        let job = templates.map {
            VariantRenderJob(published: published, stamp: stamp, presentation: VariantPresentation(resolved),
                             workbook: WorkbookVariant(resolved, baseHash: nationalHash(of: resolved.base)), templates: $0)
        }
        return (strategy, job, resolved)
    }

    private func publication(_ strategy: Strategy, job: VariantRenderJob?, files: [OutputFile]) -> Publication {
        let (published, stamp) = job.map { ($0.published, $0.stamp) } ?? prepare(strategy)
        return Publication(strategy: strategy, published: published, stamp: stamp,
                           compilation: Compilation(strategy: strategy, diagnostics: [], fileCount: 0),
                           previousEdition: nil, files: files)
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
        var jobs: [(id: String, job: VariantRenderJob)] = []
        var entries: [VariantsIndexRenderer.Entry] = []
        var national = publishedNational?.strategy
        for (position, name) in names.enumerated() {
            progress?(.resolving(done: position, of: names.count))
            guard let (_, job, resolved) = try prepareVariantJob(root + "/" + name) else { continue }
            national = national ?? resolved.base
            guard let layer = resolved.variant, let job else { continue }
            if let publishedNational, let first = resolved.layers.first,
               nationalHash(of: resolved.base) != publishedNational.hash {
                collector.report(Diagnostic(
                    .variantBaseMissing,
                    "'\(first.id)' is built on '\(first.base)', which is not the strategy being published "
                        + "(\(request.strategyFolder)); only its own variants are published under its site",
                    at: first.baseRange))
            }
            let baseTitle = resolved.layers.dropLast().last?.title ?? resolved.base.title
            entries.append(.init(id: layer.id, title: layer.title, audience: layer.audience,
                                 organisationType: layer.organisationType.rawValue, base: baseTitle))
            jobs.append((layer.id, job))
        }
        guard let national, let templates = loadTemplates(), !collector.hasErrors else { return nil }
        let report = progress, total = jobs.count
        let rendered = VariantRenderJob.renderAll(jobs.map(\.job), warningsAsErrors: collector.warningsAsErrors) { done in
            report?(.rendering(done: done, of: total))
        }
        var files: [OutputFile] = []
        for ((id, _), result) in zip(jobs, rendered) {
            collector.report(result.diagnostics)
            files += result.files.map { OutputFile(path: id + "/" + $0.path, contents: $0.contents) }
        }
        guard !collector.hasErrors else { return nil }
        return files + VariantsIndexRenderer(templates: templates)
            .render(entries, national: national, generator: request.generator, linksToNational: publishedNational != nil,
                    reportingTo: collector)
    }
}
