import StrategyModel

/// Everything a rule may look at. The model is always there; the previous edition, the templates and the
/// resolved variant only in the builds that have them.
public struct RuleContext {
    public var strategy: Strategy
    public var previousEdition: PreviousEditionSubject?
    public var templates: TemplateSubject?
    /// The variant whose resolved model `strategy` is, so that a link to what it leaves out is named as such.
    public var variant: ResolvedVariant?

    public init(strategy: Strategy, previousEdition: PreviousEditionSubject? = nil, templates: TemplateSubject? = nil,
                variant: ResolvedVariant? = nil) {
        (self.strategy, self.previousEdition, self.templates, self.variant) = (strategy, previousEdition, templates, variant)
    }
}

/// The edition the strategy is held to, and how to name its places in messages.
public struct PreviousEditionSubject {
    public var strategy: Strategy
    /// `git:v2018`, `../2018`: how the previous edition is named in messages.
    public var label: String
    /// How a path of the previous edition is shown (`git:REV:Strategy/...`, never a temporary copy).
    public var displayPath: (String) -> String
    /// The current strategy's folder, where a deleted key area's file is reported.
    public var strategyFolder: String

    public init(strategy: Strategy, label: String, displayPath: @escaping (String) -> String, strategyFolder: String) {
        (self.strategy, self.label, self.displayPath, self.strategyFolder) = (strategy, label, displayPath, strategyFolder)
    }
}

/// The templates of a build and the field names its views provide.
public struct TemplateSubject {
    /// One template's name (`key-area`), file and text.
    public struct Template {
        public var name: String
        public var path: String
        public var text: String

        public init(name: String, path: String, text: String) {
            (self.name, self.path, self.text) = (name, path, text)
        }
    }

    public var templates: [Template]
    public var knownFields: Set<String>

    public init(templates: [Template], knownFields: Set<String>) {
        (self.templates, self.knownFields) = (templates, knownFields)
    }
}
