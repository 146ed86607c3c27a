import StrategyDiagnostics
import StrategyModel
/// Prints a model as an indented tree with source positions, for golden tests and `strategyc dump`.
///
/// The format follows swift-markdown's tree dumper: one element per line, `@line:col` after it, and file
/// paths shown relative to `root` so that the output does not depend on where the sources were checked
/// out.
public struct ModelDumper {
    /// The prefix stripped from source paths (the strategy folder as the compiler was given it).
    public var root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") ? root : root + "/"
    }

    /// The whole strategy.
    public func dump(_ strategy: Strategy) -> String {
        var header = "Strategy \(quoted(strategy.title)) edition \(strategy.edition)"
        header += " publisher \(quoted(strategy.publisher))"
        if let published = strategy.published { header += " published \(published)" }
        let children = strategy.levels.map { Node(levelLine($0)) } + strategy.themes.map(themeNode)
        return render(Node(header + " @" + file(strategy.range), children))
    }

    /// Only the given key areas, each as a root (used by the format spec, whose examples are single files).
    public func dump(_ keyAreas: [KeyArea]) -> String {
        keyAreas.map { render(keyAreaNode($0)) }.joined()
    }

    // MARK: - Tree

    private struct Node {
        var line: String
        var children: [Node] = []
        init(_ line: String, _ children: [Node] = []) {
            self.line = line
            self.children = children
        }
    }

    private func render(_ node: Node) -> String {
        var out = node.line + "\n"
        appendChildren(of: node, prefix: "", to: &out)
        return out
    }

    private func appendChildren(of node: Node, prefix: String, to out: inout String) {
        for (index, child) in node.children.enumerated() {
            let last = index == node.children.count - 1
            out += prefix + (last ? "└─ " : "├─ ") + child.line + "\n"
            appendChildren(of: child, prefix: prefix + (last ? "   " : "│  "), to: &out)
        }
    }

    // MARK: - Elements

    private func levelLine(_ level: Level) -> String {
        var line = "Level \(level.id) \(quoted(level.name))"
        if let summary = level.summary { line += " summary \(quoted(summary))" }
        return line + " @" + position(level.range)
    }

    private func themeNode(_ theme: Theme) -> Node {
        let line = "Theme \(theme.id) \(quoted(theme.title)) \(theme.kind.rawValue) order \(theme.order)"
            + " @" + file(theme.range)
        let description = Node("description \(quoted(theme.description.plainText))")
        return Node(line, [description] + theme.keyAreas.map(keyAreaNode))
    }

    private func keyAreaNode(_ area: KeyArea) -> Node {
        var line = "KeyArea \(area.id) \(quoted(area.title)) theme \(area.themeID) order \(area.order)"
        line += " \(area.status.rawValue) since \(area.since)"
        if let retiredIn = area.retirement?.edition { line += " retired-in \(retiredIn)" }
        if !(area.retirement?.replacementIDs ?? []).isEmpty { line += " replaced-by \((area.retirement?.replacementIDs ?? []).joined(separator: ","))" }
        line += " @" + file(area.range)
        var children = [Node("description \(quoted(area.description.plainText))")]
        if let what = area.whatItIs { children.append(Node("what-it-is \(quoted(what.plainText))")) }
        if let why = area.whyItIsImportant { children.append(Node("why-it-is-important \(quoted(why.plainText))")) }
        children += area.indicators.map(indicatorNode)
        return Node(line, children)
    }

    private func indicatorNode(_ indicator: Indicator) -> Node {
        var line = "Indicator \(indicator.id) \(quoted(indicator.title))"
        if let retiredIn = indicator.retirement?.edition { line += " retired-in \(retiredIn)" }
        if !(indicator.retirement?.replacementIDs ?? []).isEmpty { line += " replaced-by \((indicator.retirement?.replacementIDs ?? []).joined(separator: ","))" }
        line += " @" + position(indicator.range)
        let descriptors = indicator.descriptors.map {
            Node("\($0.levelID) @\(position($0.range)) \(quoted($0.text.plainText))")
        }
        return Node(line, descriptors)
    }

    // MARK: - Formatting

    private func file(_ range: SourceRange) -> String {
        let path = range.path.hasPrefix(root) ? String(range.path.dropFirst(root.count)) : range.path
        return "\(path):\(range.start.line):\(range.start.column)"
    }

    private func position(_ range: SourceRange) -> String { "\(range.start.line):\(range.start.column)" }

    private func quoted(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }
}
