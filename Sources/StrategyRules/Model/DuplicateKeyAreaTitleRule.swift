import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Two active key areas (or enablers) with the same title, anywhere in the strategy, would be two pages and
/// two workbook sections a reader cannot tell apart; usually a file was copied and its title not changed.
/// The warning is on the later one in toolkit order, with a note at the first.
struct DuplicateKeyAreaTitleRule: Rule {
    var subject: RuleSubject { .model }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        var first: [String: KeyArea] = [:]
        var diagnostics: [Diagnostic] = []
        for area in strategy.allKeyAreas where area.status == .active {
            let key = Suggestion.normalize(area.title)
            guard let earlier = first[key] else {
                first[key] = area
                continue
            }
            diagnostics.append(Diagnostic(
                .duplicateKeyAreaTitle,
                "key area '\(area.id)' has the same title as '\(earlier.id)' ('\(area.title)'); readers tell them apart "
                    + "by title, so give each its own",
                at: area.titleRange ?? area.idRange,
                notes: [.init("'\(earlier.id)' has this title", at: earlier.titleRange ?? earlier.idRange)]))
        }
        return diagnostics
    }
}
