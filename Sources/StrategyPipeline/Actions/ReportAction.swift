import StrategyModel
import StrategyRender
import StrategyWorkbook

/// `strategyc report`: a council's report on its returns (several respondents combined indicator by
/// indicator), with progress since an earlier round and, given the national benchmark.json, its peers;
/// written only when every return reads back without errors.
public struct ReportAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The council's returns, one per respondent.
    public let returns: [String]
    /// Returns of an earlier round, for progress since then.
    public let previous: [String]
    /// The national benchmark.json to compare the council with.
    public let peers: String?
    /// The variant folder the returns were made from; nil for the strategy.
    public let variant: String?

    public init(_ pipeline: PublicationPipeline, returns: [String], previous: [String] = [], peers: String? = nil,
                variant: String? = nil) {
        (self.pipeline, self.returns, self.previous, self.peers, self.variant) = (pipeline, returns, previous, peers, variant)
    }

    public struct Work: PublishingWork {
        public var stopped = false
        var context: AssessmentContext?
        var templates: TemplateSet?
        var read: [CompletedReturn] = []
        var earlier: [CompletedReturn] = []
        var comparison: PeerComparison?
        var rendered = false
        public var files: [OutputFile] = []
        public var written = false
    }

    public struct Outcome: Sendable {
        public var returns: [CompletedReturn]
        public var earlier: [CompletedReturn]
        public var files: [OutputFile]
        public var written: Bool
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        var steps: [ActionStep<Work>] = [
            ActionStep("check the output folder") { _ in pipeline.checkOutputFolder() },
            ActionStep("resolve the strategy or variant") { work in
                work.context = try pipeline.assessmentContext(variant: variant)
                work.stopped = work.context == nil
            },
            ActionStep("load the templates") { work in
                work.templates = work.context.flatMap { pipeline.loadTemplates(overrides: $0.templateOverrides) }
            },
            ActionStep("read the returns") { work in
                guard let context = work.context else { return }
                work.read = pipeline.readReturns(returns, in: context)
            },
            ActionStep("read the earlier returns") { work in
                guard let context = work.context else { return }
                work.earlier = pipeline.readReturns(previous, in: context)
            },
            ActionStep("check the returns belong together") { work in
                pipeline.checkOneOrganisation(work.read + work.earlier)
                pipeline.checkEarlierRound(work.read, previous: work.earlier)
                // Nothing is reported on unless every return was read and nothing is wrong.
                work.stopped = work.templates == nil || pipeline.collector.hasErrors
                    || work.read.count != returns.count || work.earlier.count != previous.count
            },
        ]
        if let peers {
            steps.append(ActionStep("compare with peers") { work in
                guard let context = work.context else { return }
                let read = work.read
                let about = { (question: CompletedReturn.AboutQuestion) in
                    read.lazy.map { $0.about(question) }.first { !$0.isEmpty } ?? ""
                }
                work.comparison = pipeline.peerComparison(peers, edition: context.strategy.edition, region: about(.region),
                                                          type: about(.organisationType))
                work.stopped = work.comparison == nil
            })
        }
        steps += [
            ActionStep("render the report") { work in
                guard let context = work.context, let templates = work.templates else { return }
                work.files = pipeline.renderReport(work.read, previous: work.earlier, in: context, templates: templates,
                                                   peers: work.comparison)
                work.rendered = true
            },
            .writeOutputFolder(pipeline),
        ]
        return steps
    }

    public func outcome(of work: Work) -> Outcome? {
        guard work.rendered else { return nil }
        return Outcome(returns: work.read, earlier: work.earlier, files: work.files, written: work.written)
    }
}
