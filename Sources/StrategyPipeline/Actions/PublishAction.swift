import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyDiagnostics

/// `check` and `build` of a strategy folder, and the preview server's build: the sources compiled, the
/// templates loaded, the previous edition resolved and held to, the site, toolkit.md, model.json and the
/// workbook rendered (with the variants under `variants/` when asked), and, for a build with nothing
/// wrong, everything written in one atomic step.
///
/// `check` runs every step but the last, so it finds everything that would make `build` fail.
public struct PublishAction: PipelineAction {
    public enum Goal: Sendable {
        /// Every step short of writing.
        case check
        /// Every step, writing only when nothing is wrong.
        case build
    }

    public let pipeline: PublicationPipeline
    public let goal: Goal
    /// A folder of variants built on this strategy, published under the site's `variants/` with their
    /// index, which the national pages then link to.
    public let variants: String?

    public init(_ pipeline: PublicationPipeline, goal: Goal, withVariants variants: String? = nil) {
        (self.pipeline, self.goal, self.variants) = (pipeline, goal, variants)
    }

    public struct Work: PublishingWork {
        public var stopped = false
        var compilation: Compilation?
        var templates: TemplateSet?
        var strategy: Strategy?
        var previous: PreviousEdition?
        var prepared: (published: PublishedStrategy, stamp: PublicationStamp)?
        public var files: [OutputFile] = []
        public var written = false

        /// Whether there is a model without errors to render, and templates to render it with.
        var renderable: Bool { templates != nil && compilation?.diagnostics.containsErrors == false }
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        var steps: [ActionStep<Work>] = [
            ActionStep("check the output folder") { _ in pipeline.checkOutputFolder() },
            ActionStep("compile the sources") { work in work.compilation = try pipeline.compile() },
            ActionStep("load the templates") { work in
                work.templates = pipeline.loadTemplates()
                work.strategy = work.compilation?.strategy
                work.stopped = work.strategy == nil  // the sources left no model: nothing more to check
            },
            ActionStep("resolve the previous edition") { work in
                work.previous = work.strategy.flatMap(pipeline.resolvePreviousEdition(of:))
            },
            ActionStep("stamp the publication") { work in work.prepared = work.strategy.map(pipeline.prepare) },
            ActionStep("render the site") { work in
                guard work.renderable, let templates = work.templates, let prepared = work.prepared else { return }
                work.files += pipeline.renderSite(prepared.published, stamp: prepared.stamp, templates: templates,
                                                  changes: work.previous?.changes, linksToVariants: variants != nil)
            },
            ActionStep("render the workbook") { work in
                guard work.renderable, let prepared = work.prepared else { return }
                work.files += pipeline.renderWorkbook(prepared.published, stamp: prepared.stamp)
            },
        ]
        if let variants {
            steps.append(ActionStep("publish the variants") { work in
                guard work.renderable, let strategy = work.strategy, let stamp = work.prepared?.stamp else { return }
                let batch = VariantBatchAction(pipeline, folder: variants, goal: .check,
                                               under: (strategy, stamp.hash))
                if let files = try batch.perform() {
                    work.files += files.map { OutputFile(path: PublicationPipeline.variantsFolder + "/" + $0.path, contents: $0.contents) }
                }
            })
        }
        if goal == .build {
            steps.append(.writeOutputFolder(pipeline))
        }
        return steps
    }

    public func outcome(of work: Work) -> PublicationOutcome? {
        guard let strategy = work.strategy, let compilation = work.compilation, let prepared = work.prepared else {
            return nil
        }
        return PublicationOutcome(
            publication: Publication(strategy: strategy, published: prepared.published, stamp: prepared.stamp,
                                     compilation: compilation, previousEdition: work.previous, files: work.files),
            resolved: nil, written: work.written)
    }
}
