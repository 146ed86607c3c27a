import StrategyModel

/// Ids of themes, key areas and indicators are unique across the whole strategy, retired ones included,
/// because they become page names, anchors and workbook keys, and a retired id must never be reused.
/// (Level ids are a separate, smaller namespace, checked where the levels are read.)
struct DuplicateIDChecker: Checker {
    func check(_ strategy: Strategy) -> [Diagnostic] {
        var first: [String: (what: String, range: SourceRange)] = [:]
        var diagnostics: [Diagnostic] = []
        func see(_ id: String, _ what: String, _ range: SourceRange) {
            if let earlier = first[id] {
                diagnostics.append(Diagnostic(
                    .duplicateID, "id '\(id)' of this \(what) is already used by a \(earlier.what)", at: range,
                    notes: [.init("'\(id)' first used here", at: earlier.range)]))
            } else {
                first[id] = (what, range)
            }
        }
        // Visit in source order so "first used" means first in the files as sorted by path.
        var elements: [(String, String, SourceRange)] = []
        for theme in strategy.themes {
            elements.append((theme.id, "theme", theme.idRange))
            for area in theme.keyAreas {
                elements.append((area.id, "key area", area.idRange))
                for indicator in area.indicators { elements.append((indicator.id, "indicator", indicator.idRange)) }
            }
        }
        for (id, what, range) in elements.sorted(by: { $0.2 < $1.2 }) { see(id, what, range) }
        return diagnostics
    }
}
