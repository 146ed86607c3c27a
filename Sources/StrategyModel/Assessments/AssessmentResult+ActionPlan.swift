import StrategySupport
/// The council's action plan: every gap to target (the next steps, in their order) with what the
/// respondents wrote against that indicator: the actions they plan, who owns them, and when they will be
/// reviewed.
///
/// Several respondents may write different things on the same row. The plan keeps each distinct text once,
/// in the order the returns were given, so nothing one respondent wrote is lost and nothing is repeated.
extension AssessmentResult {
    public struct ActionItem: Sendable {
        public var step: NextStep
        public var actions: [String]
        public var owners: [String]
        public var reviewDates: [String]
    }

    public var actionPlan: [ActionItem] {
        let answers = Dictionary(keyAreas.flatMap { $0.indicators.map { ($0.indicator.id, $0.answers.compactMap { $0 }) } },
                                 uniquingKeysWith: { first, _ in first })
        return nextSteps.map { step in
            let given = answers[step.indicator.id] ?? []
            return ActionItem(step: step, actions: Self.distinct(given.map(\.actions)),
                              owners: Self.distinct(given.map(\.owner)), reviewDates: Self.distinct(given.map(\.reviewDate)))
        }
    }

    /// The texts trimmed, blanks dropped, each kept at its first appearance.
    public static func distinct(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.map { $0.trimmingSpacesAndNewlines() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
