import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Two indicators in one key area with the same title would be two identical rows in the maturity table
/// and the workbook; usually one was copied and not renamed.
struct DuplicateIndicatorTitleRule: Rule {
    var subject: RuleSubject { .model }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for area in strategy.allKeyAreas {
            var first: [String: Indicator] = [:]
            for indicator in area.indicators {
                let key = Suggestion.normalize(indicator.title)
                if let earlier = first[key] {
                    diagnostics.append(Diagnostic(
                        .duplicateIndicatorTitle,
                        "key area '\(area.title)' already has an indicator titled '\(indicator.title)'",
                        at: indicator.range, notes: [.init("first indicator with this title", at: earlier.range)]))
                } else {
                    first[key] = indicator
                }
            }
        }
        return diagnostics
    }
}
