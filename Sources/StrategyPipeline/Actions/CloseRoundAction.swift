import Foundation
import StrategyDiagnostics
import StrategyStore

/// `strategyc collect close`: a round's answers locked. From then on the server shows its pages but saves
/// and submits nothing in it; what was submitted stays in the store as returns.
public struct CloseRoundAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let store: String
    public let round: String
    /// The variant's folder (named after its id, as every variant's is), or nil for the national round.
    public let variant: String?
    public let closedAt: String

    public init(_ pipeline: PublicationPipeline, store: String, round: String, variant: String?, closedAt: String) {
        (self.pipeline, self.store, self.round, self.variant, self.closedAt) = (pipeline, store, round, variant, closedAt)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var outcome: Outcome?
    }

    public enum Outcome: Sendable, Equatable {
        case closed(CollectStore.Round)
        case alreadyClosed(CollectStore.Round)
    }

    public func start() -> Work { Work() }

    /// The variant's id, as the store names the round.
    public var variantID: String? {
        variant.map { (VariantPaths.folder(named: $0) as NSString).lastPathComponent }
    }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("close the round") { work in
                let collect = try CollectStore(path: store, create: false)
                switch try collect.close(round, variant: variantID, at: closedAt) {
                case .closed(let closed): work.outcome = .closed(closed)
                case .alreadyClosed(let closed): work.outcome = .alreadyClosed(closed)
                case .noSuchRound:
                    let held = try collect.rounds().map { $0.round + ($0.variant.map { " (variant \($0))" } ?? "") }
                    pipeline.collector.report(Diagnostic(
                        .collectRoundUnknown,
                        "the store holds no round \(round) of \(variantID.map { "variant '\($0)'" } ?? "the national strategy"); "
                            + (held.isEmpty ? "it holds no round" : "its rounds are " + held.joined(separator: ", ")),
                        at: SourceRange(at: .wholeFile(store))))
                }
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? { work.outcome }
}
