import StrategyModel

/// A theme with no active key area would appear in the overview with nothing under it.
struct EmptyThemeChecker: Checker {
    func check(_ strategy: Strategy) -> [Diagnostic] {
        strategy.themes.filter { $0.activeKeyAreas.isEmpty }.map {
            Diagnostic(.emptyTheme, "theme '\($0.title)' has no active key areas", at: $0.idRange)
        }
    }
}
