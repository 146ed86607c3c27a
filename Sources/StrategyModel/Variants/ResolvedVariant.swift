/// A variant with all its layers applied to the national strategy: the model to publish, and for every
/// element where it came from.
///
/// Layers apply in order, national first; later layers win (an override in a council variant replaces the
/// region's override of the same text). Excluded elements are left out of `strategy` and listed in
/// `exclusions` with their reasons.
public struct ResolvedVariant: Sendable {
    /// Where an element of the resolved model comes from.
    public enum Origin: Hashable, Sendable {
        /// As in the national strategy.
        case inherited
        /// Inherited, with text changed by the named layer.
        case changed(by: String)
        /// Added by the named layer.
        case added(by: String)

        public var isAdded: Bool {
            if case .added = self { return true }
            return false
        }
    }

    /// An element left out, by which layer and why.
    public struct Excluded: Sendable {
        public var id: String
        public var title: String
        public var layer: String
        public var reason: String
        /// For a left-out indicator, its key area (id and title): many key areas have an indicator of the
        /// same title, so an indicator is never named without it.
        public var keyAreaID: String?
        public var keyAreaTitle: String?

        public init(id: String, title: String, layer: String, reason: String, keyAreaID: String? = nil,
                    keyAreaTitle: String? = nil) {
            self.id = id
            self.title = title
            self.layer = layer
            self.reason = reason
            self.keyAreaID = keyAreaID
            self.keyAreaTitle = keyAreaTitle
        }
    }

    /// A text replaced by a layer, with the base text beside it.
    public struct Replacement: Sendable {
        public var id: String
        public var field: VariantLayer.Field
        public var layer: String
        public var baseText: RichText
        public var text: RichText

        public init(id: String, field: VariantLayer.Field, layer: String, baseText: RichText, text: RichText) {
            self.id = id
            self.field = field
            self.layer = layer
            self.baseText = baseText
            self.text = text
        }
    }

    /// The resolved priorities of a key area (later layers win, field by field).
    public struct Priority: Sendable {
        public var weight: Double = 1
        public var target: String?
        public var minimumTarget: String?

        public init() {}
    }

    /// The layers, national excluded, outermost last.
    public var layers: [VariantLayer]
    /// The national strategy the layers apply to.
    public var base: Strategy
    /// The resolved model: what the variant publishes.
    public var strategy: Strategy
    /// By element id (key areas, indicators).
    public var origins: [String: Origin]
    public var exclusions: [Excluded]
    public var replacements: [Replacement]
    /// By key-area id.
    public var priorities: [String: Priority]

    /// The outermost layer: the variant being built.
    public var variant: VariantLayer? { layers.last }

    /// What the variant publishes: the resolved model under the variant's own title and introduction.
    public var publishedStrategy: Strategy {
        var published = strategy
        if let variant {
            published.title = variant.title
            published.shortTitle = nil
            published.introduction = variant.introduction
        }
        published.publisher = publisher
        return published
    }

    /// Who publishes the variant: the outermost layer that sets `publisher:`, so a council inherits its
    /// region's; the national publisher only when no layer sets one.
    public var publisher: String {
        layers.last { $0.publisher != nil }?.publisher ?? base.publisher
    }

    /// The look of the variant: each part (accent, logo) from the outermost layer that sets it, so a
    /// council inherits its region's look unless it sets its own.
    public var branding: VariantLayer.Branding {
        var result = VariantLayer.Branding()
        for layer in layers {
            if let accent = layer.branding.accent { result.accent = accent }
            if let logo = layer.branding.logo {
                result.logo = logo
                result.logoFormat = layer.branding.logoFormat
            }
        }
        return result
    }

    public func origin(of id: String) -> Origin { origins[id] ?? .inherited }

    public init(layers: [VariantLayer], base: Strategy, strategy: Strategy, origins: [String: Origin],
                exclusions: [Excluded], replacements: [Replacement], priorities: [String: Priority]) {
        self.layers = layers
        self.base = base
        self.strategy = strategy
        self.origins = origins
        self.exclusions = exclusions
        self.replacements = replacements
        self.priorities = priorities
    }
}
