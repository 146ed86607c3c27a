import Foundation
import StrategyModel
import StrategyRender

/// `strategyc export`: the checked model as JSON (docs/model.schema.json), or a variant resolved onto its
/// bases with every element's origin; written to a file, or handed back for standard output.
public struct ExportAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The variant folder, or nil for the strategy.
    public let variant: String?
    /// The file to write, or nil to hand the document back.
    public let output: String?

    public init(_ pipeline: PublicationPipeline, variant: String?, output: String?) {
        (self.pipeline, self.variant, self.output) = (pipeline, variant, output)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var document: Data?
        var edition = ""
        var written = false
    }

    public struct Outcome: Sendable {
        public var document: Data
        /// The edition exported (a variant's base edition).
        public var edition: String
        public var written: Bool
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the output file") { _ in
                if let output { pipeline.checkOutputFile(output, kind: .modelJSON) }
            },
            variant.map { folder in
                ActionStep("resolve the variant") { work in
                    guard let resolved = try pipeline.resolveVariant(folder), !pipeline.collector.hasErrors else {
                        return work.stopped = true
                    }
                    work.document = VariantJSONRenderer().render(resolved)
                    work.edition = resolved.base.edition
                }
            } ?? ActionStep("compile the sources") { work in
                guard let strategy = try pipeline.compile().strategy, !pipeline.collector.hasErrors else {
                    return work.stopped = true
                }
                work.document = ModelJSONRenderer().render(strategy)
                work.edition = strategy.edition
            },
            ActionStep("write the file") { work in
                guard let output, let document = work.document, !pipeline.collector.hasErrors else { return }
                try pipeline.writeFile(document, to: output)
                work.written = true
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        work.document.map { Outcome(document: $0, edition: work.edition, written: work.written) }
    }
}
