import StrategyModel

/// Siblings with the same `order` are still sorted (by id), but the author probably meant something else.
struct DuplicateOrderChecker: Checker {
    func check(_ strategy: Strategy) -> [Diagnostic] {
        var diagnostics = duplicates(strategy.themes.map { ($0.order, $0.title, $0.idRange.start) }, among: "themes")
        for theme in strategy.themes {
            diagnostics += duplicates(theme.activeKeyAreas.map { ($0.order, $0.title, $0.idRange.start) },
                                      among: "key areas of '\(theme.title)'")
        }
        return diagnostics
    }

    private func duplicates(_ items: [(order: Int, title: String, location: SourceLocation)], among what: String)
        -> [Diagnostic] {
        var first: [Int: (title: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for item in items.sorted(by: { $0.location < $1.location }) {
            if let earlier = first[item.order] {
                diagnostics.append(Diagnostic(
                    .duplicateOrder, "'\(item.title)' has the same order (\(item.order)) as '\(earlier.title)' among the \(what)",
                    at: SourceRange(at: item.location), notes: [.init("the other one", at: SourceRange(at: earlier.location))]))
            } else {
                first[item.order] = (item.title, item.location)
            }
        }
        return diagnostics
    }
}
