import StrategyModel
import StrategyDiagnostics

/// Ids of themes, key areas and indicators are unique across the whole strategy, retired ones included,
/// because they become page names, anchors and workbook keys, and a retired id must never be reused.
/// (Level ids are a separate, smaller namespace, checked where the levels are read.)
///
/// When two key areas share an id, the usual story is that one file was copied to start a new one. The
/// copy is the one whose file name does not match the id, so that is where the error goes; otherwise the
/// later file (by path) gets it.
struct DuplicateIDRule: Rule {
    var subject: RuleSubject { .model }

    private struct Element {
        var id: String
        var what: String
        var range: SourceRange
        /// 0 for an element in a file named after its key area, 1 otherwise: the former counts as the original.
        var rank: Int
    }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        var elements: [Element] = []
        for theme in strategy.themes {
            elements.append(Element(id: theme.id, what: "theme", range: theme.idRange, rank: 0))
            for area in theme.keyAreas {
                let rank = area.source.hasSuffix("/" + area.id + ".md") || area.source == area.id + ".md" ? 0 : 1
                elements.append(Element(id: area.id, what: "key area", range: area.idRange, rank: rank))
                for indicator in area.indicators {
                    elements.append(Element(id: indicator.id, what: "indicator", range: indicator.idRange, rank: rank))
                }
            }
        }
        var first: [String: Element] = [:]
        var diagnostics: [Diagnostic] = []
        for element in elements.sorted(by: { ($0.rank, $0.range) < ($1.rank, $1.range) }) {
            guard let earlier = first[element.id] else {
                first[element.id] = element
                continue
            }
            diagnostics.append(Diagnostic(
                .duplicateID,
                "id '\(element.id)' of this \(element.what) is already used by \(article(earlier.what)) \(earlier.what)",
                at: element.range,
                notes: [.init("'\(element.id)' first used here", at: earlier.range)]))
        }
        return diagnostics
    }

    private func article(_ noun: String) -> String {
        noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
