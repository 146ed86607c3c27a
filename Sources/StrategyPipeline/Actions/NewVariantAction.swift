import Foundation
import StrategyDiagnostics
import StrategyModel

/// `strategyc new variant`: `Variants/<id>/variant.md` scaffolded with every key present and a comment
/// saying what each is for, recording the edition of its base (the strategy, or another variant resolved
/// onto its bases). Never overwrites: a folder already there is refused.
public struct NewVariantAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The strategy folder, or another variant's folder.
    public let base: String
    /// The organisation or region the variant is for.
    public let audience: String
    /// Its organisation type (`district`, `region`...), checked by the command.
    public let type: String
    /// The folder that holds variants.
    public let variants: String
    /// The variant's id: the one given, or proposed from `audience`.
    public let id: String

    public init(_ pipeline: PublicationPipeline, base: String, audience: String, type: String, variants: String, id: String?) {
        (self.pipeline, self.base, self.audience, self.type, self.variants) = (pipeline, base, audience, type, variants)
        self.id = id ?? VariantID.proposed(for: audience)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var edition: String?
        var outcome: Outcome?
    }

    public enum Outcome: Sendable, Equatable {
        /// Written: the variant's `variant.md`.
        case written(path: String)
        /// Nothing written: the variant's folder is there already.
        case exists(folder: String)
    }

    /// `Variants/<id>`.
    public var folder: String { (variants.hasSuffix("/") ? String(variants.dropLast()) : variants) + "/" + id }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the variant's folder") { work in
                guard !FileManager.default.fileExists(atPath: folder) else {
                    work.outcome = .exists(folder: folder)
                    return work.stopped = true
                }
            },
            ActionStep("read the base's edition") { work in
                if FileManager.default.fileExists(atPath: base + "/variant.md") {
                    work.edition = try pipeline.resolveVariant(base)?.base.edition
                } else {
                    let basePipeline = PublicationPipeline(PublicationRequest(strategyFolder: base, generator: pipeline.request.generator),
                                                           collector: pipeline.collector)
                    work.edition = try basePipeline.compile().strategy?.edition
                }
                work.stopped = work.edition == nil || pipeline.collector.hasErrors
            },
            ActionStep("write variant.md") { work in
                guard let edition = work.edition else { return }
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try text(edition: edition).write(toFile: folder + "/variant.md", atomically: true, encoding: .utf8)
                work.outcome = .written(path: folder + "/variant.md")
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? { work.outcome }

    private func text(edition: String) -> String {
        """
        ---
        # A slug. Ids of the key areas and indicators this variant adds start with "\(id)-".
        id: \(id)
        title: \(Scaffold.yamlScalar(audience + " procurement strategy"))
        for: \(Scaffold.yamlScalar(audience))
        # Who publishes it, as its pages, toolkit.md and workbook say; left out, the base's publisher.
        publisher: \(Scaffold.yamlScalar(audience))
        # county, district, unitary, metropolitan, london-borough, combined-authority or region
        type: \(type)
        # The strategy folder or another variant's folder, relative to this folder.
        base: \(VariantPaths.relative(from: folder, to: base))
        # The edition this variant was written against; check tells you when the base moves on.
        base_edition: \(edition)
        # What you leave out, each with a reason that is published:
        #   - id: engaging-strategic-suppliers
        #     reason: ...
        exclude: []
        # Your own wording for a text: id, then level (a descriptor) or field (description, what-it-is,
        # why-it-is-important), then text: |. Check proposes the base: fingerprint to add.
        overrides: []
        # Per key area: weight (a positive number), target and minimum_target (level ids).
        priorities: []
        ---

        TODO: say in a few sentences how this variant differs from its base and why.

        """
    }
}
