import StrategyCompiler
import StrategyModel
import StrategyRender

/// `check --variant` and `build --variant`, and the preview of a variant: its chain of bases resolved and
/// checked, the result held to the national rules, its site (with origins, base texts beside overrides
/// and "How this variant differs"), toolkit.md, workbook and model rendered under the variant's title and
/// introduction, and, for a build with nothing wrong, written in one atomic step.
public struct VariantPublishAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The variant's folder (`Variants/<id>`).
    public let folder: String
    public let goal: PublishAction.Goal

    public init(_ pipeline: PublicationPipeline, folder: String, goal: PublishAction.Goal) {
        (self.pipeline, self.folder, self.goal) = (pipeline, folder, goal)
    }

    public struct Work: PublishingWork {
        public var stopped = false
        var job: VariantJob?
        var result: VariantJob.Result?
        public var written = false
        public var files: [OutputFile] { result?.files ?? [] }
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        var steps: [ActionStep<Work>] = [
            ActionStep("check the output folder") { _ in pipeline.checkOutputFolder() },
            ActionStep("resolve the variant") { work in
                work.job = try pipeline.variantJob(folder)
                work.stopped = work.job == nil
            },
            ActionStep("check and render the variant") { work in
                work.result = work.job?.run(rendering: !pipeline.collector.hasErrors, reportingTo: pipeline.collector)
            },
        ]
        if goal == .build {
            steps.append(.writeOutputFolder(pipeline))
        }
        return steps
    }

    public func outcome(of work: Work) -> PublicationOutcome? {
        guard let job = work.job, let result = work.result else { return nil }
        let publication = Publication(strategy: result.strategy, published: result.published, stamp: result.stamp,
                                      compilation: Compilation(strategy: result.strategy, diagnostics: [], fileCount: 0),
                                      previousEdition: nil, files: result.files)
        return PublicationOutcome(publication: publication, resolved: job.resolved, written: work.written)
    }
}
