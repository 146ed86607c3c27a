import StrategyModel
import StrategyDiagnostics

/// A theme with no active key area would appear in the overview with nothing under it.
struct EmptyThemeRule: Rule {
    var subject: RuleSubject { .model }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        strategy.themes.filter { $0.activeKeyAreas.isEmpty }.map {
            Diagnostic(.emptyTheme, "theme '\($0.title)' has no active key areas", at: $0.idRange)
        }
    }
}
