import StrategyModel
import StrategyDiagnostics

/// Siblings with the same `order` are still sorted (by id), but the author probably meant something else.
///
/// The warning is on the sibling that comes second (by id, as the toolkit sorts them), at its `order`
/// value, with a note at the first's, and a fix-it to the next order no sibling uses.
struct DuplicateOrderRule: Rule {
    var subject: RuleSubject { .model }

    private struct Sibling {
        var id: String
        var title: String
        var order: Int
        var range: SourceRange
    }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        var diagnostics = duplicates(
            strategy.themes.map { Sibling(id: $0.id, title: $0.title, order: $0.order, range: $0.orderRange ?? $0.idRange) },
            among: "themes")
        for theme in strategy.themes {
            diagnostics += duplicates(
                theme.activeKeyAreas.map { Sibling(id: $0.id, title: $0.title, order: $0.order, range: $0.orderRange ?? $0.idRange) },
                among: "key areas of '\(theme.title)'")
        }
        return diagnostics
    }

    private func duplicates(_ siblings: [Sibling], among what: String) -> [Diagnostic] {
        var first: [Int: Sibling] = [:]
        var diagnostics: [Diagnostic] = []
        var nextFree = (siblings.map(\.order).max() ?? 0) + 1
        for sibling in siblings.sorted(by: { ($0.order, $0.id) < ($1.order, $1.id) }) {
            guard let earlier = first[sibling.order] else {
                first[sibling.order] = sibling
                continue
            }
            diagnostics.append(Diagnostic(
                .duplicateOrder,
                "'\(sibling.title)' has the same order (\(sibling.order)) as '\(earlier.title)' among the \(what); "
                    + "give each its own",
                at: sibling.range,
                notes: [.init("order \(sibling.order) is first used by '\(earlier.title)' here", at: earlier.range)],
                fixIts: [FixIt("use \(nextFree), an order no sibling has", range: sibling.range, replacement: "\(nextFree)")]))
            nextFree += 1
        }
        return diagnostics
    }
}
