import Foundation
import StrategyModel
import StrategyRender

/// `strategyc read-return`: completed returns read back against the strategy (or a variant) and checked,
/// every problem at its cell, and the answers read written as JSON (`ReturnsExport`) when asked and
/// nothing is wrong.
public struct ReadReturnsAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let returns: [String]
    /// The variant folder the returns were made from, or nil for the strategy.
    public let variant: String?
    /// The JSON file to write the answers to, or nil.
    public let output: String?

    public init(_ pipeline: PublicationPipeline, returns: [String], variant: String?, output: String?) {
        (self.pipeline, self.returns, self.variant, self.output) = (pipeline, returns, variant, output)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var context: AssessmentContext?
        var read: [CompletedReturn] = []
        var written = false
    }

    /// One return read, and how much of it is answered.
    public struct ReadReturn: Sendable {
        public var completed: CompletedReturn
        /// Indicators with both a current and a target level, of all the return is asked.
        public var answered: Int
        public var indicators: Int
    }

    public struct Outcome: Sendable {
        public var returns: [ReadReturn]
        public var written: Bool
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the output file") { _ in
                if let output { pipeline.checkOutputFile(output, kind: .returnsJSON) }
            },
            ActionStep("resolve the strategy or variant") { work in
                work.context = try pipeline.assessmentContext(variant: variant)
                work.stopped = work.context == nil
            },
            ActionStep("read the returns") { work in
                guard let context = work.context else { return }
                work.read = pipeline.readReturns(returns, in: context)
            },
            ActionStep("write the answers") { work in
                guard let output, let context = work.context, !pipeline.collector.hasErrors else { return }
                try pipeline.writeFile(ReturnsExport(work.read, levels: context.strategy.levels).encoded, to: output)
                work.written = true
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        guard let context = work.context else { return nil }
        return Outcome(returns: work.read.map { completed in
            let one = AssessmentResult(context.published, returns: [completed], weights: context.weights)
            return ReadReturn(completed: completed, answered: one.answered, indicators: one.indicatorCount)
        }, written: work.written)
    }
}
