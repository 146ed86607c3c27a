import StrategyModel

/// Builds a theme (or the enablers group) from a file in `themes/`. Its body is its description.
struct ThemeBuilder {
    let engine: DiagnosticEngine

    func build(_ file: SourceFile) -> Theme? {
        guard let source = ParsedSource(file, engine: engine) else { return nil }
        let description = source.bodyText(
            engine: engine, missing: "theme has no description: write a paragraph after the front matter")
        guard let fields = source.fields(.theme, what: "theme front matter", engine: engine) else { return nil }
        let id = fields.id("id")
        let title = fields.text("title")
        let order = fields.integer("order")
        let kind = fields.choice("kind", as: ThemeKind.self)
        guard let id, let title, let order, let kind else { return nil }
        var theme = Theme(id: id.value, title: title.value, order: order, kind: kind, description: description,
                          keyAreas: [], range: file.wholeRange, idRange: id.range)
        theme.orderRange = fields.pair("order")?.value.range
        return theme
    }
}
