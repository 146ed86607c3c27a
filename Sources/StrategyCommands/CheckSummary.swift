import StrategyCompiler
import StrategyModel
import StrategyPipeline

/// The one line `check` prints on success, so an editor sees at a glance that their change was counted.
struct CheckSummary {
    let publication: Publication
    let warnings: Int

    func line(folder: String) -> String {
        let published = publication.published
        let strategy = publication.strategy
        let themes = strategy.themes.filter { $0.kind == .theme }
        let keyAreas = published.themeKeyAreas
        let enablers = published.enablers
        let indicators = keyAreas.reduce(0) { $0 + $1.indicators.count }
        let descriptors = published.keyAreas.flatMap(\.indicators).reduce(0) { $0 + $1.descriptors.count }
        let retired = published.retiredKeyAreas.count
        let comparedWith = publication.previousEdition.map { "; ids held against \($0.label)" } ?? ""
        return "\(folder): \(strategy.title), edition \(strategy.edition): "
            + "\(count(themes.count, "theme")), \(count(keyAreas.count, "key area")), "
            + "\(count(indicators, "indicator")), \(count(enablers.count, "enabler")), "
            + "\(count(descriptors, "descriptor")), \(count(strategy.levels.count, "level"))"
            + (retired > 0 ? ", \(retired) retired" : "")
            + "; no errors, \(count(warnings, "warning")) (\(count(publication.compilation.fileCount, "file")))"
            + comparedWith
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
