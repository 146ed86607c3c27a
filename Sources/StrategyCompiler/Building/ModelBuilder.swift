import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Stage 3: builds the typed model from the parsed files.
///
/// Order matters only for references: the strategy's levels and the themes are built first, so that key
/// areas can be checked against them. Elements with problems are reported and left out; if the strategy
/// file itself cannot be built, there is no model, but every file is still checked.
struct ModelBuilder {
    let collector: DiagnosticCollector

    func build(_ tree: SourceTree) -> Strategy? {
        let (metadata, levels) = tree.strategyFile.map { StrategyMetadataBuilder(collector: collector).build($0) } ?? (nil, nil)
        let themeOutcomes = tree.themeFiles.map { ThemeBuilder(collector: collector).build($0) }
        let themes = themeOutcomes.compactMap(\.element)
        let unbuiltThemes = tree.unreadable.filter { $0.kind == .theme } + themeOutcomes.compactMap(\.unbuilt)
        let form = tree.assessmentFile.flatMap { AssessmentFormBuilder(collector: collector).build($0) }
        var themesByID: [String: Theme] = [:]
        for theme in themes where themesByID[theme.id] == nil { themesByID[theme.id] = theme }

        // Key-area files are independent of each other, so they are built on every core, each with its own
        // diagnostics, which are then reported in file order.
        let themesForKeyAreas = tree.themeFiles.isEmpty ? nil : themesByID
        let built = tree.keyAreaFiles.concurrentMap { file in
            let local = DiagnosticCollector()
            let outcome = KeyAreaBuilder(collector: local, levels: levels, themes: themesForKeyAreas,
                                         unbuiltThemes: unbuiltThemes).outcome(file)
            return (outcome, local.diagnostics)
        }
        for (_, diagnostics) in built { collector.report(diagnostics) }
        // A key area whose theme is not there (its theme file could not be built, or none could) has no place
        // in the model: it is kept as unbuilt, with its id, like a file that did not parse.
        let placed = Set(themes.map(\.id))
        let keyAreas = built.compactMap(\.0.element).filter { placed.contains($0.themeID) }
        let unbuiltKeyAreas = built.compactMap(\.0.unbuilt)
            + built.compactMap(\.0.element).filter { !placed.contains($0.themeID) }.map {
                UnbuiltSource(kind: .keyArea, relativePath: $0.source, path: $0.sourcePath, id: $0.id)
            }

        guard let metadata, let levels else { return nil }
        let sortedThemes = themes.map { theme in
            var theme = theme
            theme.keyAreas = keyAreas.filter { $0.themeID == theme.id }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
            return theme
        }.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        var strategy = Strategy(
            title: metadata.title, shortTitle: metadata.shortTitle, edition: metadata.edition,
            publisher: metadata.publisher, published: metadata.published, introduction: metadata.introduction,
            levels: levels, themes: sortedThemes, range: metadata.range)
        strategy.previousEdition = metadata.previousEdition?.value
        strategy.previousEditionRange = metadata.previousEdition?.range
        strategy.editions = metadata.editions.map(\.value)
        strategy.editionsRange = metadata.editions.first?.range
        strategy.assessmentForm = form
        strategy.unbuilt = (unbuiltThemes + tree.unreadable.filter { $0.kind == .keyArea } + unbuiltKeyAreas)
            .sorted { $0.path < $1.path }
        return strategy
    }
}
