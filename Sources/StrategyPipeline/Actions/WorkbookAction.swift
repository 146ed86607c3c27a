import Foundation
import StrategyModel
import StrategyRender
import StrategyWorkbook

/// `strategyc workbook`: the blank assessment workbook of the strategy, or of a variant (its default
/// targets filled in, its weights and an Origin column), written to one file only when nothing is wrong
/// and the file may be replaced (a blank workbook strategyc wrote, or nothing).
public struct WorkbookAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The variant folder, or nil for the strategy.
    public let variant: String?
    /// The workbook file.
    public let output: String

    public init(_ pipeline: PublicationPipeline, variant: String?, output: String) {
        (self.pipeline, self.variant, self.output) = (pipeline, variant, output)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var strategy: Strategy?
        var published: PublishedStrategy?
        var workbook: OutputFile?
        var written = false
    }

    public struct Outcome: Sendable {
        public var strategy: Strategy
        public var published: PublishedStrategy
        public var workbook: OutputFile
        public var written: Bool
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the output file") { _ in pipeline.checkOutputFile(output, kind: .workbook) },
            variant.map { folder in
                ActionStep("resolve the variant and render its workbook") { work in
                    guard let resolved = try pipeline.resolveVariant(folder) else { return work.stopped = true }
                    pipeline.checkResolvedVariant(resolved)
                    let (strategy, published, stamp) = pipeline.prepareVariant(resolved)
                    work.strategy = strategy
                    work.published = published
                    let files = pipeline.collector.hasErrors ? [] : pipeline.renderVariantWorkbook(resolved, published: published, stamp: stamp)
                    work.workbook = files.first { $0.path.hasSuffix(".xlsx") }
                }
            } ?? ActionStep("compile the sources and render the workbook") { work in
                let compilation = try pipeline.compile()
                guard let strategy = compilation.strategy, !pipeline.collector.hasErrors else { return work.stopped = true }
                let (published, stamp) = pipeline.prepare(strategy)
                work.strategy = strategy
                work.published = published
                work.workbook = pipeline.renderWorkbook(published, stamp: stamp).first { $0.path.hasSuffix(".xlsx") }
            },
            ActionStep("write the workbook") { work in
                guard let workbook = work.workbook, !pipeline.collector.hasErrors else { return }
                try pipeline.writeFile(workbook.contents, to: output)
                work.written = true
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        guard let strategy = work.strategy, let published = work.published, let workbook = work.workbook else { return nil }
        return Outcome(strategy: strategy, published: published, workbook: workbook, written: work.written)
    }
}
