/// Where a council stands: its returns combined, scored per key area and overall against its targets,
/// with the next steps, and progress since an earlier round.
///
/// The rules, documented for councils in docs/assessments.md:
/// - levels are numbered from 1 (the lowest) to the number of levels;
/// - several returns (respondents) are combined per indicator by the *lower median* of the levels they
///   gave, so the combined answer is always a level one of them chose and an even split leans modest;
/// - a key area's current level is the lowest of its indicators' (only once every indicator has one), its
///   target the highest, its gap the difference when positive;
/// - progress to target is `1 - Σ max(0, target - current) / Σ target` over the indicators that have both,
///   and overall each key area's sums are multiplied by its weight (a variant's priority; 1 otherwise).
public struct AssessmentResult: Sendable {
    /// One indicator's combined answers, as level numbers.
    public struct IndicatorResult: Sendable {
        public var indicator: Indicator
        public var current: Int?
        public var target: Int?
        /// Each return's own current level for the indicator, in the order the returns were given (nil:
        /// left blank), so a report can say which answers the combined level is the middle of.
        public var respondentCurrents: [Int?] = []
        /// Each return's answer row, in the order the returns were given (nil: no row), for the evidence,
        /// actions, owners and review dates the respondents wrote.
        public var answers: [CompletedReturn.Answer?] = []
    }

    public struct KeyAreaResult: Sendable {
        public var keyArea: KeyArea
        public var themeTitle: String
        public var weight: Double
        public var indicators: [IndicatorResult]
        public var current: Int?
        public var target: Int?
        public var gap: Int?
        public var progress: Double?
        /// Indicators with both a current and a target level.
        public var answered: Int
        /// Each return's own key-area current level, in the order the returns were given.
        public var respondents: [Int?]
        /// From the earlier round's returns, when given.
        public var previousCurrent: Int?
        public var previousProgress: Double?
        /// The sums progress is made of (levels still to climb, target levels, over the answered
        /// indicators), for the weighted overall figure and for a report to explain the percentage.
        public var shortfall: Int
        public var targetSum: Int
    }

    /// An indicator below its target, and the descriptor of the next level up.
    public struct NextStep: Sendable {
        public var keyArea: KeyArea
        public var indicator: Indicator
        public var current: Int
        public var target: Int
        public var next: Level
        public var nextNumber: Int
        public var descriptor: RichText?
    }

    public var strategy: Strategy
    public var keyAreas: [KeyAreaResult]
    /// Weighted progress over every key area; nil when nothing has both levels.
    public var progress: Double?
    public var previousProgress: Double?
    public var answered: Int
    public var indicatorCount: Int
    /// Ordered by key-area weight (highest first), then toolkit order.
    public var nextSteps: [NextStep]
    /// Published indicators no return gives both levels for.
    public var unanswered: [Indicator]

    /// `weights` by key-area id (a variant's priorities); a key area not named weighs 1.
    public init(_ published: PublishedStrategy, returns: [CompletedReturn], weights: [String: Double] = [:],
                previous: [CompletedReturn] = []) {
        let strategy = published.strategy
        self.strategy = strategy
        let numbers = Dictionary(strategy.levels.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        func combined(_ returns: [CompletedReturn], _ id: String, _ level: KeyPath<CompletedReturn.Answer, String?>) -> Int? {
            Self.lowerMedian(returns.compactMap { $0.answers[id]?[keyPath: level].flatMap { numbers[$0] } })
        }
        func results(_ area: KeyArea, from returns: [CompletedReturn]) -> [IndicatorResult] {
            area.indicators.map { indicator in
                IndicatorResult(indicator: indicator, current: combined(returns, indicator.id, \.current),
                                target: combined(returns, indicator.id, \.target),
                                respondentCurrents: returns.map { $0.answers[indicator.id]?.current.flatMap { numbers[$0] } },
                                answers: returns.map { $0.answers[indicator.id] })
            }
        }
        var areas: [KeyAreaResult] = []
        var previousParts: [(weight: Double, shortfall: Int, targetSum: Int)] = []
        for group in published.themes {
            for area in group.keyAreas {
                let indicators = results(area, from: returns)
                let score = Self.score(indicators)
                let previousScore = previous.isEmpty ? nil : Self.score(results(area, from: previous))
                if let previousScore { previousParts.append((weights[area.id] ?? 1, previousScore.shortfall, previousScore.targetSum)) }
                areas.append(KeyAreaResult(
                    keyArea: area, themeTitle: group.theme.title, weight: weights[area.id] ?? 1, indicators: indicators,
                    current: score.current, target: score.target, gap: score.gap, progress: score.progress,
                    answered: score.answered,
                    respondents: returns.map { Self.score(results(area, from: [$0])).current },
                    previousCurrent: previousScore?.current, previousProgress: previousScore?.progress,
                    shortfall: score.shortfall, targetSum: score.targetSum))
            }
        }
        keyAreas = areas
        progress = Self.weightedProgress(areas.map { ($0.weight, $0.shortfall, $0.targetSum) })
        previousProgress = previous.isEmpty ? nil : Self.weightedProgress(previousParts)
        answered = areas.reduce(0) { $0 + $1.answered }
        indicatorCount = areas.reduce(0) { $0 + $1.indicators.count }
        unanswered = areas.flatMap { $0.indicators.filter { $0.current == nil || $0.target == nil }.map(\.indicator) }
        // Stable: areas of equal weight keep toolkit order.
        let ordered = areas.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element)
        nextSteps = ordered.flatMap { area in
            area.indicators.compactMap { result -> NextStep? in
                guard let current = result.current, let target = result.target, current < target,
                      current < strategy.levels.count else { return nil }
                let next = strategy.levels[current]
                return NextStep(keyArea: area.keyArea, indicator: result.indicator, current: current, target: target,
                                next: next, nextNumber: current + 1, descriptor: result.indicator.descriptor(for: next.id)?.text)
            }
        }
    }

    /// The element at index (n - 1) / 2 of the sorted values: the median, or the lower of the two middle
    /// values; nil for none.
    public static func lowerMedian(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[(values.count - 1) / 2]
    }

    struct Score {
        var current: Int?
        var target: Int?
        var gap: Int?
        var progress: Double?
        var answered: Int
        var shortfall: Int
        var targetSum: Int
    }

    static func score(_ indicators: [IndicatorResult]) -> Score {
        let currents = indicators.map(\.current)
        let current = currents.contains(nil) || currents.isEmpty ? nil : currents.compactMap { $0 }.min()
        let target = indicators.compactMap(\.target).max()
        let both = indicators.compactMap { result in result.current.flatMap { c in result.target.map { (c, $0) } } }
        let shortfall = both.reduce(0) { $0 + max(0, $1.1 - $1.0) }
        let targetSum = both.reduce(0) { $0 + $1.1 }
        return Score(current: current, target: target, gap: current.flatMap { c in target.map { max(0, $0 - c) } },
                     progress: both.isEmpty ? nil : 1 - Double(shortfall) / Double(targetSum),
                     answered: both.count, shortfall: shortfall, targetSum: targetSum)
    }

    /// `1 - Σ w × shortfall / Σ w × target`, nil when no target was summed.
    static func weightedProgress(_ parts: [(weight: Double, shortfall: Int, targetSum: Int)]) -> Double? {
        let targets = parts.reduce(0.0) { $0 + $1.weight * Double($1.targetSum) }
        guard targets > 0 else { return nil }
        return 1 - parts.reduce(0.0) { $0 + $1.weight * Double($1.shortfall) } / targets
    }
}
