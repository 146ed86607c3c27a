import Foundation
import StrategyModel
import StrategySupport

/// `strategyc export --variant`: the resolved model, with every element's origin (inherited, changed by a
/// layer, added by a layer), what was left out and why, the texts replaced with the base text beside them,
/// and the priorities. The `model` part has the shape of the national export (docs/model.schema.json).
public struct VariantJSONRenderer {
    public init() {}

    private struct Document: Encodable {
        var variant: Layer
        var layers: [Layer]
        var baseEdition: String
        var model: ModelJSONRenderer.Document
        var origins: [String: String]
        var excluded: [Excluded]
        var overrides: [Override]
        var priorities: [String: Priority]
    }

    private struct Layer: Encodable {
        var id: String
        var title: String
        var audience: String
        var type: String
        /// For `variant`, who publishes it (inherited along the chain); for each of `layers`, as written.
        var publisher: String?
    }

    private struct Excluded: Encodable {
        var id: String
        var title: String
        var layer: String
        var reason: String
    }

    private struct Override: Encodable {
        var id: String
        var field: String
        var layer: String
        var baseText: String
        var text: String
    }

    private struct Priority: Encodable {
        var weight: Double
        var target: String?
        var minimumTarget: String?
    }

    public func render(_ resolved: ResolvedVariant) -> Data {
        func layer(_ layer: VariantLayer) -> Layer {
            Layer(id: layer.id, title: layer.title, audience: layer.audience, type: layer.organisationType.rawValue,
                  publisher: layer.publisher)
        }
        var outermost = resolved.variant.map(layer) ?? Layer(id: "", title: "", audience: "", type: "")
        outermost.publisher = resolved.publisher
        var model = resolved.strategy
        model.publisher = resolved.publisher
        let origins = Dictionary(uniqueKeysWithValues: resolved.origins.map { id, origin -> (String, String) in
            switch origin {
            case .inherited: (id, "inherited")
            case .changed(let by): (id, "changed by \(by)")
            case .added(let by): (id, "added by \(by)")
            }
        })
        let document = Document(
            variant: outermost,
            layers: resolved.layers.map(layer), baseEdition: resolved.base.edition, model: ModelJSONRenderer.Document(model),
            origins: origins,
            excluded: resolved.exclusions.map { Excluded(id: $0.id, title: $0.title, layer: $0.layer, reason: $0.reason) },
            overrides: resolved.replacements.map {
                Override(id: $0.id, field: $0.field.name, layer: $0.layer, baseText: $0.baseText.markdown, text: $0.text.markdown)
            },
            priorities: resolved.priorities.mapValues { Priority(weight: $0.weight, target: $0.target, minimumTarget: $0.minimumTarget) })
        return StableJSON.encode(document)
    }
}
