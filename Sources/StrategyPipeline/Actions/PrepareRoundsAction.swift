import Foundation
import StrategyDiagnostics
import StrategyModel
import StrategyRender
import StrategyStore

/// What `strategyc collect serve` does before it listens: every round of the store read, and each round's
/// strategy or variant compiled and its pages' templates loaded (the variant's overrides included), so
/// that a page is only rendered while serving. A round whose sources no longer compile is reported and
/// left out; one whose sources changed since it was opened is served with a warning (its returns say
/// which version they were made from).
public struct PrepareRoundsAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let store: String

    public init(_ pipeline: PublicationPipeline, store: String) {
        (self.pipeline, self.store) = (pipeline, store)
    }

    /// A round ready to serve.
    public struct PreparedRound: Sendable {
        public var round: CollectStore.Round
        public var context: AssessmentContext
        public var pages: CollectPages
    }

    public struct Outcome: Sendable {
        public var store: CollectStore
        public var rounds: [PreparedRound]
    }

    public struct Work: ActionWork {
        public var stopped = false
        var store: CollectStore?
        var rounds: [CollectStore.Round] = []
        var prepared: [PreparedRound] = []
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("open the store") { work in
                let collect = try CollectStore(path: store, create: false)
                work.store = collect
                work.rounds = try collect.rounds()
                if work.rounds.isEmpty {
                    pipeline.collector.report(Diagnostic(
                        .collectRoundUnknown, "the store holds no round to serve: open one with `strategyc collect open`",
                        at: SourceRange(at: .wholeFile(store))))
                }
            },
            ActionStep("compile each round's strategy and load its pages") { work in
                for round in work.rounds {
                    let settings = round.settings
                    let roundPipeline = PublicationPipeline(
                        PublicationRequest(strategyFolder: settings.strategyFolder, templates: pipeline.request.templates,
                                           generator: pipeline.request.generator),
                        collector: pipeline.collector)
                    guard let context = try roundPipeline.assessmentContext(variant: settings.variantFolder),
                          let templates = roundPipeline.loadTemplates(overrides: context.templateOverrides) else { continue }
                    let missing = templates.missing(CollectPages.templateNames)
                    guard missing.isEmpty else {
                        pipeline.collector.report(Diagnostic(
                            .templateMissing, "the online diagnostic needs the templates \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                            at: SourceRange(at: .wholeFile(pipeline.request.templatesFolder ?? "(built-in templates)"))))
                        continue
                    }
                    if context.stamp.hash.hex != settings.modelHash {
                        pipeline.collector.report(Diagnostic(
                            .returnModelChanged,
                            "round \(round.round) was opened on another version of its strategy (content hash \(settings.modelHash.prefix(12))); "
                                + "its pages now show this one (\(context.stamp.hash.hex.prefix(12))), and its returns say so",
                            at: SourceRange(at: .wholeFile(settings.variantFolder ?? settings.strategyFolder))))
                    }
                    work.prepared.append(PreparedRound(round: round, context: context,
                                                       pages: CollectPages(templates: templates, generator: pipeline.request.generator)))
                }
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        guard let store = work.store, !work.prepared.isEmpty else { return nil }
        return Outcome(store: store, rounds: work.prepared)
    }
}
