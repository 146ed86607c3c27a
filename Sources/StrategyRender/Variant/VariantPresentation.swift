import StrategyModel

/// What a variant's site shows beyond the model itself: where each element comes from, the base text
/// beside each override, and everything the "How this variant differs" page lists. Made from a
/// `ResolvedVariant`, so renderers stay free of resolution logic.
public struct VariantPresentation: Sendable {
    public struct Difference: Sendable {
        public var title: String
        public var detail: String
        public var layer: String
        public var href: String?
    }

    public struct ChangedText: Sendable {
        public var title: String
        public var field: String
        public var layer: String
        public var baseHTML: String
        public var localHTML: String
        public var href: String?
    }

    public var title: String
    public var audience: String
    public var organisationType: String
    public var baseTitle: String
    public var baseEdition: String
    /// Layers other than the national strategy, innermost first.
    public var layerTitles: [String]
    /// By element id: "Added by …" or "Changed by …".
    public var originLabels: [String: String]
    /// By element id, then by text (`description`, `what-it-is`, `why-it-is-important` or a level id): the
    /// base text an override replaced.
    public var baseTexts: [String: [String: RichText]]
    public var exclusions: [Difference]
    public var changedTexts: [ChangedText]
    public var additions: [Difference]
    public var priorities: [Difference]
    /// The header's background colour (`#rrggbb`, checked for contrast), if the variant sets one.
    public var accent: String?
    /// The logo file, published as `assets/logo.png` or `assets/logo.svg` (checked when read).
    public var logo: OutputFile?

    public init(_ resolved: ResolvedVariant) {
        let layerTitles = Dictionary(resolved.layers.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        func layerName(_ id: String) -> String { layerTitles[id] ?? id }
        let variant = resolved.variant
        let branding = resolved.branding
        accent = branding.accent
        if let data = branding.logo, let format = branding.logoFormat {
            logo = OutputFile(path: "assets/logo.\(format.rawValue)", contents: data)
        }
        title = variant?.title ?? resolved.strategy.title
        audience = variant?.audience ?? ""
        organisationType = variant?.organisationType.rawValue ?? ""
        baseTitle = resolved.base.title
        baseEdition = resolved.base.edition
        self.layerTitles = resolved.layers.map(\.title)
        var labels: [String: String] = [:]
        for (id, origin) in resolved.origins {
            switch origin {
            case .inherited: break
            case .changed(let by): labels[id] = "Changed by \(layerName(by))"
            case .added(let by): labels[id] = "Added by \(layerName(by))"
            }
        }
        originLabels = labels
        let areas = Dictionary(resolved.strategy.allKeyAreas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let areaOfIndicator = Dictionary(resolved.strategy.allKeyAreas.flatMap { area in area.indicators.map { ($0.id, area) } },
                                         uniquingKeysWith: { first, _ in first })
        func page(of id: String) -> String? {
            if let area = areas[id] { return "key-areas/\(area.id).html" }
            if let area = areaOfIndicator[id] { return "key-areas/\(area.id).html#\(id)" }
            return nil
        }
        func titleOf(_ id: String) -> String {
            areas[id]?.title ?? areaOfIndicator[id]?.indicators.first { $0.id == id }?.title ?? id
        }
        var baseTexts: [String: [String: RichText]] = [:]
        for replacement in resolved.replacements {
            baseTexts[replacement.id, default: [:]][Self.key(replacement.field)] = replacement.baseText
        }
        self.baseTexts = baseTexts
        exclusions = resolved.exclusions.map {
            Difference(title: $0.title, detail: $0.reason, layer: layerName($0.layer), href: nil)
        }
        changedTexts = resolved.replacements.map {
            ChangedText(title: titleOf($0.id), field: $0.field.name, layer: layerName($0.layer), baseHTML: $0.baseText.html,
                        localHTML: $0.text.html, href: page(of: $0.id))
        }
        additions = resolved.origins.compactMap { id, origin -> Difference? in
            guard case .added(let by) = origin else { return nil }
            let kind = areas[id] != nil ? "key area" : "indicator"
            return Difference(title: titleOf(id), detail: kind, layer: layerName(by), href: page(of: id))
        }.sorted { ($0.href ?? "", $0.title) < ($1.href ?? "", $1.title) }
        let levelNames = Dictionary(resolved.strategy.levels.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        priorities = resolved.priorities.sorted { $0.key < $1.key }.map { id, priority in
            var parts = ["weight \(priority.weight.formatted())"]
            if let target = priority.target { parts.append("default target \(levelNames[target] ?? target)") }
            if let minimum = priority.minimumTarget { parts.append("minimum target \(levelNames[minimum] ?? minimum)") }
            return Difference(title: titleOf(id), detail: parts.joined(separator: ", "), layer: "", href: page(of: id))
        }
    }

    /// How a replaced text is keyed in `baseTexts`.
    public static func key(_ field: VariantLayer.Field) -> String {
        switch field {
        case .description: "description"
        case .whatItIs: "what-it-is"
        case .whyItIsImportant: "why-it-is-important"
        case .level(let id): id
        }
    }
}

private extension Double {
    func formatted() -> String {
        rounded() == self ? String(Int(self)) : String(self)
    }
}
