import StrategyModel
import StrategyDiagnostics

/// The index page of a batch of variants (`build --variants`): one line per variant, linking to its site
/// and to its "How this variant differs" page.
public struct VariantsIndexRenderer {
    /// One variant as the index lists it.
    public struct Entry: Sendable, TemplateFields {
        public var id: String
        public var title: String
        public var audience: String
        public var organisationType: String
        /// The base's title: the national strategy's or another variant's.
        public var base: String

        public init(id: String, title: String, audience: String, organisationType: String, base: String) {
            self.id = id
            self.title = title
            self.audience = audience
            self.organisationType = organisationType
            self.base = base
        }
    }

    struct View: TemplateFields {
        var baseTitle: String
        var baseEdition: String
        var generator: String
        var variants: [Entry]
        /// Whether the index sits under the national site (`variants/index.html`), which it then links to.
        var linksToNational: Bool = false
    }

    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// `index.html` and the template assets, for the batch's root folder.
    public func render(_ entries: [Entry], national: Strategy, generator: String, linksToNational: Bool = false,
                       reportingTo collector: DiagnosticCollector) -> [OutputFile] {
        guard templates.has(.variants) else {
            collector.report(Diagnostic(.templateMissing, "a batch of variants needs a template 'variants': add variants.mustache",
                                        at: SourceRange(at: .wholeFile("variants.mustache"))))
            return []
        }
        let view = View(baseTitle: national.title, baseEdition: national.edition, generator: generator, variants: entries,
                        linksToNational: linksToNational)
        return [OutputFile(path: "index.html", text: templates.render(.variants, reportingTo: collector, view))]
            + templates.assets
    }
}
