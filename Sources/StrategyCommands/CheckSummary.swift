import StrategyPipeline

/// The one line `check` prints on success, so an editor sees at a glance that their change was counted.
extension PublicationSummary {
    func checkLine(folder: String, warnings: Int) -> String {
        "\(folder): \(title), edition \(edition): "
            + "\(plural(themes, "theme")), \(plural(keyAreas, "key area")), "
            + "\(plural(indicators, "indicator")), \(plural(enablers, "enabler")), "
            + "\(plural(descriptors, "descriptor")), \(plural(levels, "level"))"
            + (retiredKeyAreas > 0 ? ", \(retiredKeyAreas) retired" : "")
            + "; no errors, \(plural(warnings, "warning")) (\(plural(sourceFiles, "file")))"
            + (previousEdition.map { "; ids held against \($0)" } ?? "")
    }
}

extension VariantSummary {
    /// The line `check --variant` prints on success.
    func checkLine(folder: String, warnings: Int) -> String {
        "\(folder): \(title) (\(organisationType), \(plural(layers, "layer")) on edition \(baseEdition)): "
            + "\(excluded) left out, \(plural(changedTexts, "text")) changed, \(added) added, "
            + "\(priorities) priorit\(priorities == 1 ? "y" : "ies"); no errors, \(plural(warnings, "warning"))"
    }
}

/// "1 theme", "2 themes".
func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
