import Foundation
import StrategyModel

/// The text of what `new` writes, and the ids it chooses: shared by `NewElementAction` and
/// `NewVariantAction`.
enum Scaffold {
    /// The slug of `preferred`, made unique against every id in use, retired ones included.
    static func uniqueID(_ candidates: [String], in strategy: Strategy) -> String {
        let used = Set(strategy.themes.map(\.id) + strategy.allKeyAreas.map(\.id) + strategy.allIndicators.map(\.id))
        for candidate in candidates where !used.contains(candidate) { return candidate }
        let base = candidates.last ?? "new"
        var number = 2
        while used.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    static func indicatorSection(title: String, id: String, levels: [Level]) -> String {
        var text = "### \(title) {#\(id)}\n"
        for level in levels {
            text += "\n#### \(level.name)\n\nTODO: describe what practice looks like at the \(level.name) level.\n"
        }
        return text
    }

    static func keyAreaFile(id: String, title: String, theme: Theme, order: Int, since: String, levels: [Level],
                            indicator: (title: String, id: String), help: Bool) -> String {
        var text = """
            ---
            id: \(id)
            title: \(yamlScalar(title))
            theme: \(theme.id)
            order: \(order)
            status: active
            since: \(yamlScalar(since))
            ---

            ## Description

            TODO: say in a few sentences what this \(help ? "key area" : "enabler") covers.

            """
        if help {
            text += """

                ## What it is

                TODO: explain what good practice in this area involves.

                ## Why it is important

                TODO: explain why it matters to councils and the people they serve.

                """
        }
        return text + "\n## Indicators\n\n" + indicatorSection(title: indicator.title, id: indicator.id, levels: levels)
    }

    /// A YAML scalar that stays text: quoted when it could be read as something else.
    static func yamlScalar(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " -'(),.".contains($0) }
            && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
