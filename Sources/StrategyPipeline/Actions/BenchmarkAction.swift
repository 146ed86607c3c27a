import StrategyModel
import StrategyRender
import StrategyStore

/// `strategyc benchmark`: the national and regional pictures of a round from the store, every figure
/// through disclosure control, written only when nothing is wrong.
public struct BenchmarkAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The store's file.
    public let store: String
    public let request: BenchmarkRequest

    public init(_ pipeline: PublicationPipeline, store: String, request: BenchmarkRequest) {
        (self.pipeline, self.store, self.request) = (pipeline, store, request)
    }

    public struct Work: PublishingWork {
        public var stopped = false
        var store: ReturnStore?
        var figures: (BenchmarkFigures, AssessmentContext)?
        var templates: TemplateSet?
        var rendered = false
        public var files: [OutputFile] = []
        public var written = false
    }

    public struct Outcome: Sendable {
        public var figures: BenchmarkFigures
        public var files: [OutputFile]
        /// The regional reports under `regions/`.
        public var regions: Int
        public var written: Bool
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the output folder") { _ in pipeline.checkOutputFolder() },
            ActionStep("open the store") { work in work.store = try ReturnStore(path: store, create: false) },
            ActionStep("work out the figures") { work in
                work.figures = try work.store.flatMap { try pipeline.benchmarkFigures($0, request) }
                work.stopped = work.figures == nil
            },
            ActionStep("load the templates") { work in
                work.templates = pipeline.loadTemplates(overrides: [])
                work.stopped = work.templates == nil || pipeline.collector.hasErrors
            },
            ActionStep("render the benchmark") { work in
                guard let (figures, context) = work.figures, let templates = work.templates else { return }
                work.files = pipeline.renderBenchmark(figures, in: context, templates: templates)
                work.rendered = true
            },
            .writeOutputFolder(pipeline),
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        guard work.rendered, let figures = work.figures?.0 else { return nil }
        let regions = Set(work.files.compactMap { $0.path.hasPrefix("regions/") ? $0.path.split(separator: "/")[1] : nil }).count
        return Outcome(figures: figures, files: work.files, regions: regions, written: work.written)
    }
}
