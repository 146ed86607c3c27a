import StrategyModel
import StrategyDiagnostics

/// Builds a theme (or the enablers group) from a file in `themes/`. Its body is its description.
struct ThemeBuilder {
    let collector: DiagnosticCollector

    /// The theme, or what is known of a file that could not be built into one (reported).
    func build(_ file: SourceFile) -> BuildOutcome<Theme> {
        var unbuilt = UnbuiltSource(kind: .theme, relativePath: file.relativePath, path: file.path)
        guard let source = ParsedSource(file, collector: collector) else { return .unbuilt(unbuilt) }
        let description = source.bodyText(
            collector: collector, missing: "theme has no description: write a paragraph after the front matter")
        guard let fields = source.fields(.theme, what: "theme front matter", collector: collector) else {
            return .unbuilt(unbuilt)
        }
        let id = fields.id("id")
        unbuilt.id = id?.value
        let title = fields.text("title")
        let order = fields.integer("order")
        let kind = fields.choice("kind", as: ThemeKind.self)
        guard let id, let title, let order, let kind else { return .unbuilt(unbuilt) }
        var theme = Theme(id: id.value, title: title.value, order: order, kind: kind, description: description,
                          keyAreas: [], range: file.wholeRange, idRange: id.range)
        theme.orderRange = fields.pair("order")?.value.range
        return .built(theme)
    }
}
