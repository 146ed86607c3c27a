import StrategyModel

/// How a key area's priority is put into words, the same on the variant page, the key area's own page,
/// toolkit.md and the workbook's Target cells. A weight alone means nothing to a reader, so it always says
/// what it does: how many times the key area counts in the workbook's weighted levels (docs/workbook.md).
public enum PriorityWording {
    /// What the variant page and toolkit.md say before listing the priorities.
    public static let explanation = "A weight says how much a key area counts in the weighted levels on the workbook's Summary "
        + "sheet: each key area's level is multiplied by its weight, and the total divided by the sum of the weights. "
        + "A key area not listed here has weight 1. A default target is filled into the workbook's Target cells, "
        + "where it can still be changed; a minimum target is the lowest target a variant built on this one may set."

    /// "weight 3 (counts 3 times as much as a key area of weight 1), default target Leader, minimum target
    /// Mature", with the levels by name.
    public static func detail(_ priority: ResolvedVariant.Priority, levelNames: [String: String]) -> String {
        var parts = [weight(priority.weight)]
        if let target = priority.target { parts.append("default target \(levelNames[target] ?? target)") }
        if let minimum = priority.minimumTarget { parts.append("minimum target \(levelNames[minimum] ?? minimum)") }
        return parts.joined(separator: ", ")
    }

    /// The detail as a sentence's start: "Weight 3 (…), default target Leader".
    public static func sentence(_ priority: ResolvedVariant.Priority, levelNames: [String: String]) -> String {
        let text = detail(priority, levelNames: levelNames)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    public static func weight(_ weight: Double) -> String {
        let number = weight.rounded() == weight ? String(Int(weight)) : String(weight)
        return weight == 1 ? "weight 1 (counts as much as any key area not weighted)"
            : "weight \(number) (counts \(number) times as much as a key area of weight 1)"
    }

    /// The levels' names by id, for the details.
    public static func levelNames(_ strategy: Strategy) -> [String: String] {
        Dictionary(strategy.levels.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
