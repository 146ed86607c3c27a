import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyDiagnostics

/// `build --variants DIR`, and the variants a national build carries under `variants/`: every variant in
/// the folder (each sub-folder with a `variant.md`) published into a folder named after its id, with an
/// index of them at the root, and every problem of every variant reported in one run.
///
/// Variants are resolved and checked one after the other (bases and shared layers are read once), then
/// rendered in parallel; the files come out in the variants' order whatever the threads did.
public struct VariantBatchAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let folder: String
    public let goal: PublishAction.Goal
    /// The national strategy and content hash the batch is published under, or nil for a folder of its
    /// own. Under a national site, every variant must be built on that strategy, and the output folder is
    /// the national build's to check and write.
    let national: (strategy: Strategy, hash: ContentHash)?

    public init(_ pipeline: PublicationPipeline, folder: String, goal: PublishAction.Goal) {
        self.init(pipeline, folder: folder, goal: goal, under: nil)
    }

    init(_ pipeline: PublicationPipeline, folder: String, goal: PublishAction.Goal,
         under national: (strategy: Strategy, hash: ContentHash)?) {
        (self.pipeline, self.folder, self.goal, self.national) = (pipeline, folder, goal, national)
    }

    public struct Work: PublishingWork {
        public var stopped = false
        var root = ""
        var names: [String] = []
        var jobs: [(id: String, job: VariantJob)] = []
        var entries: [VariantsIndexRenderer.Entry] = []
        var national: Strategy?
        public var files: [OutputFile] = []
        var indexed = false
        public var written = false
    }

    public func start() -> Work {
        var work = Work()
        work.root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        work.national = national?.strategy
        return work
    }

    public var steps: [ActionStep<Work>] {
        var steps: [ActionStep<Work>] = []
        if national == nil {
            steps.append(ActionStep("check the output folder") { _ in pipeline.checkOutputFolder() })
        }
        steps += [
            ActionStep("find the variants") { work in findVariants(&work) },
            ActionStep("resolve every variant") { work in try resolveVariants(&work) },
            ActionStep("check and render every variant") { work in renderVariants(&work) },
            ActionStep("render the index") { work in
                guard let strategy = work.national, let templates = pipeline.loadTemplates(), !pipeline.collector.hasErrors else {
                    work.stopped = true
                    return
                }
                work.files += VariantsIndexRenderer(templates: templates)
                    .render(work.entries, national: strategy, generator: pipeline.request.generator,
                            linksToNational: national != nil, reportingTo: pipeline.collector)
                work.indexed = true
            },
        ]
        if goal == .build && national == nil {
            steps.append(.writeOutputFolder(pipeline))
        }
        return steps
    }

    /// The published files (under each variant's id, and the index), or nil when a variant has errors or
    /// the folder holds none (reported).
    public func outcome(of work: Work) -> [OutputFile]? {
        work.indexed ? work.files : nil
    }

    private func findVariants(_ work: inout Work) {
        let root = work.root
        work.names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: root + "/" + $0 + "/" + VariantReader.fileName) }
        guard work.names.isEmpty else { return }
        pipeline.collector.report(Diagnostic(.variantBaseMissing, "'\(root)' holds no variant (no sub-folder with a variant.md)",
                                             at: SourceRange(at: .wholeFile(root))))
        work.stopped = true
    }

    private func resolveVariants(_ work: inout Work) throws {
        for (position, name) in work.names.enumerated() {
            pipeline.progress?(.resolving(done: position, of: work.names.count))
            guard let job = try pipeline.variantJob(work.root + "/" + name) else { continue }
            let resolved = job.resolved
            work.national = work.national ?? resolved.base
            guard let layer = resolved.variant else { continue }
            if let national, let first = resolved.layers.first, job.baseHash != national.hash {
                pipeline.collector.report(Diagnostic(
                    .variantBaseMissing,
                    "'\(first.id)' is built on '\(first.base)', which is not the strategy being published "
                        + "(\(pipeline.request.strategyFolder)); only its own variants are published under its site",
                    at: first.baseRange))
            }
            let baseTitle = resolved.layers.dropLast().last?.title ?? resolved.base.title
            work.entries.append(.init(id: layer.id, title: layer.title, audience: layer.audience,
                                      organisationType: layer.organisationType.label(in: resolved.strategy.assessmentForm),
                                      base: baseTitle))
            work.jobs.append((layer.id, job))
        }
    }

    /// Every variant is checked even when one already failed, so that one run reports every problem;
    /// nothing is rendered then.
    private func renderVariants(_ work: inout Work) {
        let report = pipeline.progress, total = work.jobs.count
        let results = VariantJob.runAll(work.jobs.map(\.job), rendering: !pipeline.collector.hasErrors,
                                        warningsAsErrors: pipeline.collector.warningsAsErrors) { done in
            report?(.rendering(done: done, of: total))
        }
        for ((id, _), outcome) in zip(work.jobs, results) {
            pipeline.collector.report(outcome.diagnostics)
            work.files += outcome.result.files.map { OutputFile(path: id + "/" + $0.path, contents: $0.contents) }
        }
    }
}
