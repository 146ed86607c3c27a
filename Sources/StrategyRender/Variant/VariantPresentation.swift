import StrategyModel

/// What a variant's site shows beyond the model itself: where each element comes from, the base text
/// beside each override, and everything the "How this variant differs" page lists. Made from a
/// `ResolvedVariant`, so renderers stay free of resolution logic.
public struct VariantPresentation: Sendable {
    public struct Difference: Sendable, TemplateFields {
        /// The element, named with its key area when it is an indicator, and linked where it has a page.
        public var name: ElementName
        public var detail: String
        public var layer: String
    }

    public struct ChangedText: Sendable, TemplateFields {
        public var name: ElementName
        public var field: String
        public var layer: String
        public var baseHTML: String
        public var localHTML: String
        /// The texts as Markdown, for toolkit.md.
        public var baseMarkdown: String
        public var localMarkdown: String
    }

    public var title: String
    public var audience: String
    /// The organisation type by its label in `assessment.md` ("London borough council"), never its slug.
    public var organisationType: String
    /// Who publishes the variant (inherited along the chain), and who publishes the national strategy.
    public var publisher: String
    public var basePublisher: String
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
    /// By key-area id: its priority as a sentence ("Weight 3 (…), default target Leader"), for its own
    /// page, toolkit.md and the workbook.
    public var prioritySentences: [String: String]
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
        organisationType = variant?.organisationType.label(in: resolved.strategy.assessmentForm) ?? ""
        publisher = resolved.publisher
        basePublisher = resolved.base.publisher
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
        let names = ElementName.Directory(resolved.strategy)
        let levelNames = PriorityWording.levelNames(resolved.strategy)
        var baseTexts: [String: [String: RichText]] = [:]
        for replacement in resolved.replacements {
            baseTexts[replacement.id, default: [:]][Self.key(replacement.field)] = replacement.baseText
        }
        self.baseTexts = baseTexts
        exclusions = resolved.exclusions.map {
            Difference(name: names.name(of: $0), detail: $0.reason, layer: layerName($0.layer))
        }
        changedTexts = resolved.replacements.map {
            ChangedText(name: names.name(of: $0.id), field: Self.fieldName($0.field, levelNames: levelNames),
                        layer: layerName($0.layer), baseHTML: $0.baseText.html, localHTML: $0.text.html,
                        baseMarkdown: $0.baseText.safeMarkdown, localMarkdown: $0.text.safeMarkdown)
        }
        additions = resolved.origins.compactMap { id, origin -> Difference? in
            guard case .added(let by) = origin else { return nil }
            let kind = names.isKeyArea(id) ? "key area" : "indicator"
            return Difference(name: names.name(of: id), detail: kind, layer: layerName(by))
        }.sorted { ($0.name.href, $0.name.title) < ($1.name.href, $1.name.title) }
        let sorted = resolved.priorities.sorted { $0.key < $1.key }
        priorities = sorted.map { id, priority in
            Difference(name: names.name(of: id), detail: PriorityWording.detail(priority, levelNames: levelNames), layer: "")
        }
        prioritySentences = Dictionary(sorted.map { ($0.key, PriorityWording.sentence($0.value, levelNames: levelNames)) },
                                       uniquingKeysWith: { first, _ in first })
    }

    /// Which text was replaced, with a level by its name: "the Leader descriptor".
    static func fieldName(_ field: VariantLayer.Field, levelNames: [String: String]) -> String {
        guard case .level(let id) = field else { return field.name }
        return "the \(levelNames[id] ?? id) descriptor"
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
