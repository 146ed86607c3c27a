import StrategyDiagnostics

/// Every rule, in one list: the one place a new rule is added.
///
/// The order does not change the output (the collector sorts what it is given); it is the order of the
/// files, for a reader.
public struct RuleRegistry: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule]) {
        self.rules = rules
    }

    public static let standard = RuleRegistry(rules: [
        // The model (Model/)
        DuplicateIDRule(),
        DuplicateIndicatorTitleRule(),
        DuplicateKeyAreaTitleRule(),
        DuplicateOrderRule(),
        LongDescriptorRule(),
        EmptyThemeRule(),
        FileNameRule(),
        ReferenceRule(),
        EditionRule(),
        LinkRule(),
        // Across editions (Editions/)
        ContinuityRule(),
        // The templates (Templates/)
        TemplateFieldRule(),
    ])

    /// Runs the rules about `subject` over `context`.
    public func check(_ subject: RuleSubject, _ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        for rule in rules where rule.subject == subject {
            rule.check(context, reportingTo: collector)
        }
    }
}
