import StrategyModel
import StrategySupport

/// A key area's figures read out in plain English: what its level means, why the combined level is the one
/// shown (the weakest indicator, each indicator the middle of the respondents' answers), where the target
/// comes from, and what the progress percentage counts.
///
/// Officers reading the report are not expected to know the rules of docs/assessments.md: a table saying
/// "Mature" beside respondents who said Leader, Minimum and Developing needs its reason next to it. Every
/// sentence is made from the result, so it is true of this council's answers, not of an example.
enum KeyAreaReading {
    static func text(_ area: AssessmentResult.KeyAreaResult, in strategy: Strategy, returnCount: Int) -> String {
        [levelSentences(area, strategy, returnCount), targetSentence(area, strategy), progressSentence(area)]
            .flatMap { $0 }.joined(separator: " ")
    }

    private static func name(_ number: Int?, _ strategy: Strategy) -> String {
        ReportRenderer.levelName(number, in: strategy)
    }

    /// "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    private static func levelSentences(_ area: AssessmentResult.KeyAreaResult, _ strategy: Strategy, _ returnCount: Int) -> [String] {
        let indicators = area.indicators
        guard let current = area.current else {
            let rated = indicators.filter { $0.current != nil }.count
            if rated == 0 { return ["No current level yet: no indicator of this area has been rated."] }
            return ["No current level yet: \(rated) of \(indicators.count) indicators have a current level, and the area's "
                    + "level is given only once every indicator has one."]
        }
        let level = strategy.levels[current - 1]
        var sentences = ["\(level.name) is level \(current) of \(strategy.levels.count)"
                         + (level.summary.map { ": \($0.trimmingSpacesAndNewlines().droppingFinalFullStop)." } ?? ".")]
        let weakest = indicators.filter { $0.current == current }
        let weakestTitles = list(weakest.map(\.indicator.title))
        if indicators.count == 1 {
            sentences.append("It is the level of the area's one indicator, \(weakestTitles).")
        } else {
            sentences.append("An area is only as mature as its weakest indicator, and here "
                             + (weakest.count == 1 ? "that is \(weakestTitles), at \(level.name)."
                                                   : "the weakest, \(weakestTitles), are at \(level.name)."))
        }
        guard returnCount > 1, let first = weakest.first else { return sentences }
        let said = first.respondentCurrents.compactMap { $0 }
        let blank = first.respondentCurrents.count - said.count
        sentences.append("Each indicator takes the middle of the respondents' answers (the lower of the two middle ones when "
                         + "their number is even): for \(first.indicator.title) they said \(list(said.map { name($0, strategy) }))"
                         + (blank == 0 ? "" : " (\(blank == 1 ? "one" : String(blank)) left it blank)")
                         + ", so \(level.name).")
        let own = area.respondents.compactMap { $0 }
        if own.contains(where: { $0 != current }) {
            sentences.append("The respondents' own levels for the area (\(list(own.map { name($0, strategy) }))) are each one "
                             + "respondent's weakest indicator; the council's level combines the answers indicator by indicator "
                             + "first, so a respondent's answer above or below the others counts only where it is the middle one.")
        }
        return sentences
    }

    private static func targetSentence(_ area: AssessmentResult.KeyAreaResult, _ strategy: Strategy) -> [String] {
        guard let target = area.target else { return ["No target has been set yet."] }
        let highest = list(area.indicators.filter { $0.target == target }.map(\.indicator.title))
        let source = area.indicators.count == 1 ? "the target set for its one indicator"
            : "the highest set for any of its indicators (\(highest))"
        let gap: String
        switch area.gap {
        case .none: gap = ""
        case .some(0): gap = " The current level has reached it."
        case .some(let levels): gap = " The current level is \(levels) level\(levels == 1 ? "" : "s") below it."
        }
        return ["The target, \(name(target, strategy)), is \(source).\(gap)"]
    }

    private static func progressSentence(_ area: AssessmentResult.KeyAreaResult) -> [String] {
        guard let progress = area.progress else {
            return ["Progress to target needs at least one indicator with both a current and a target level."]
        }
        let left = area.indicators.count - area.answered
        let counted = area.indicators.count == 1 ? "its one indicator, which has a current and a target level"
            : area.answered == area.indicators.count ? "all \(area.answered) indicators, each with a current and a target level"
            : "the \(area.answered) of \(area.indicators.count) indicators with both a current and a target level"
        return ["Progress to target, \(ReportRenderer.percent(progress)), counts \(counted): their targets add up to "
                + "\(area.targetSum) level\(area.targetSum == 1 ? "" : "s") and they are \(area.shortfall) short of them "
                + "(1 − \(area.shortfall)/\(area.targetSum)); an indicator past its target counts as none short, never as extra."
                + (left == 0 ? "" : " The other \(left == 1 ? "one is" : "\(left) are") left out until \(left == 1 ? "it has" : "they have") both.")]
    }
}

private extension String {
    var droppingFinalFullStop: String { hasSuffix(".") ? String(dropLast()) : self }
}
