import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// A `replaced_by` must name something that exists and is still active: a retired index must not stay
/// cited as the replacement of another (when B is retired in its turn, A's `replaced_by` moves on to
/// whatever replaced B). Key areas are replaced by key areas, indicators by indicators.
struct ReferenceRule: Rule {
    var subject: RuleSubject { .model }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        let areas = Dictionary(strategy.allKeyAreas.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        let indicators = Dictionary(strategy.allIndicators.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for area in strategy.allKeyAreas {
            diagnostics += check(area.retirement?.replacedBy ?? [], of: "key area", among: areas,
                                 mayBeUnbuilt: strategy.unbuilt(mayHoldKeyArea:))
            for indicator in area.indicators {
                diagnostics += check(indicator.retirement?.replacedBy ?? [], of: "indicator", among: indicators,
                                     mayBeUnbuilt: strategy.unbuilt(mayHoldIndicator:))
            }
        }
        return diagnostics
    }

    /// - Parameter mayBeUnbuilt: what could not be built that may hold an id; a reference to such an id is
    ///   not reported as unknown (nor "corrected" by a fix-it to a near name): each holder's note instead.
    private func check(_ references: [Lifecycle.Reference], of what: String,
                       among known: [String: KeyAreaStatus], mayBeUnbuilt: (String) -> [UnbuiltSource]) -> [Diagnostic] {
        references.flatMap { reference -> [Diagnostic] in
            let id = reference.id
            guard let range = reference.range else { return [] }
            switch known[id] {
            case .active?:
                return []
            case .retired?:
                return [Diagnostic(.retiredReference,
                                  "`replaced_by` names \(what) '\(id)', which is retired; name what replaced it instead", at: range)]
            case nil:
                let holders = mayBeUnbuilt(id)
                if !holders.isEmpty { return holders.map(\.uncheckedNote) }
                let suggestion = Suggestion.closest(to: id, among: known.filter { $0.value == .active }.map(\.key).sorted())
                return [Diagnostic(
                    .unknownReference,
                    "`replaced_by` names \(what) '\(id)', which does not exist" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    at: range,
                    fixIts: suggestion.map { [FixIt("replace with '\($0)'", range: range, replacement: $0)] } ?? [])]
            }
        }
    }
}
