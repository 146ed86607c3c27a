import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// `since` and `retired_in` name real editions, in a possible order: nothing first appears or is retired
/// after the current edition, and nothing is retired before it first appeared.
///
/// Editions are ordered by the strategy's `editions` list when it has one (and then must be in it);
/// otherwise, when both are numbers (2018, 2022.1), numerically. Labels that are neither are not compared.
struct EditionRule: Rule {
    var subject: RuleSubject { .model }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        let order = EditionOrder(strategy)
        var diagnostics: [Diagnostic] = []
        func check(_ edition: String, at range: SourceRange?, what: String) {
            guard let range else { return }
            if !order.isKnown(edition) {
                diagnostics.append(Diagnostic(
                    .unknownEdition,
                    "\(what) names edition '\(edition)', which is not in `editions` (\(strategy.editions.joined(separator: ", ")))",
                    at: range,
                    fixIts: order.nearest(to: edition).map {
                        [FixIt("replace with '\($0)'", range: range, replacement: $0)]
                    } ?? []))
            } else if order.isAfter(edition, strategy.edition) {
                diagnostics.append(Diagnostic(
                    .editionOutOfRange, "\(what) is edition '\(edition)', after the current edition '\(strategy.edition)'",
                    at: range,
                    fixIts: [FixIt("replace with '\(strategy.edition)'", range: range, replacement: strategy.edition)]))
            }
        }
        for area in strategy.allKeyAreas {
            check(area.since, at: area.sinceRange, what: "`since` of key area '\(area.id)'")
            if let retiredIn = area.retirement?.edition {
                check(retiredIn, at: area.retirement?.editionRange, what: "`retired_in` of key area '\(area.id)'")
                if order.isAfter(area.since, retiredIn), let range = area.retirement?.editionRange {
                    diagnostics.append(Diagnostic(
                        .editionOutOfRange,
                        "key area '\(area.id)' is retired in edition '\(retiredIn)', before it first appeared in '\(area.since)'",
                        at: range, notes: [.init("`since` is '\(area.since)' here", at: area.sinceRange)]))
                }
            }
            for indicator in area.indicators {
                guard let retiredIn = indicator.retirement?.edition else { continue }
                check(retiredIn, at: indicator.retirement?.editionRange, what: "`retired_in` of indicator '\(indicator.id)'")
                if order.isAfter(area.since, retiredIn), let range = indicator.retirement?.editionRange {
                    diagnostics.append(Diagnostic(
                        .editionOutOfRange,
                        "indicator '\(indicator.id)' is retired in edition '\(retiredIn)', before its key area first appeared in '\(area.since)'",
                        at: range, notes: [.init("`since` is '\(area.since)' here", at: area.sinceRange)]))
                }
            }
        }
        return diagnostics
    }
}

/// How two edition labels compare, as `EditionRule` describes.
struct EditionOrder {
    let editions: [String]

    init(_ strategy: Strategy) {
        editions = strategy.editions
    }

    /// The listed edition closest to a label that is not listed: numerically when both are numbers (2019 →
    /// 2018, not 2014), by spelling otherwise.
    func nearest(to edition: String) -> String? {
        if let value = Double(edition) {
            let numeric = editions.compactMap { listed in Double(listed).map { (listed, abs($0 - value)) } }
            if let best = numeric.min(by: { $0.1 < $1.1 }) { return best.0 }
        }
        return Suggestion.closest(to: edition, among: editions)
    }

    func isKnown(_ edition: String) -> Bool {
        editions.isEmpty || editions.contains(edition)
    }

    /// Whether `a` is known to come after `b`.
    func isAfter(_ a: String, _ b: String) -> Bool {
        if !editions.isEmpty, let i = editions.firstIndex(of: a), let j = editions.firstIndex(of: b) { return i > j }
        if let x = Double(a), let y = Double(b) { return x > y }
        return false
    }
}
