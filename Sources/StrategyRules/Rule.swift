import StrategyDiagnostics

/// One rule of the strategy, such as "ids are unique" or "a published id never disappears".
///
/// Every rule has the same shape, whatever it looks at: it reads a `RuleContext` and reports what it finds
/// into the collector, the one way every stage reports. Each rule lives in a file of its own, under the
/// folder of its subject, with its own tests; `RuleRegistry` lists them all. Per-file structure (sections,
/// levels, front matter) is checked while the model is built; rules see what needs more than one file.
public protocol Rule: Sendable {
    /// What the rule looks at, and so when it runs: with the model, when a previous edition has been read,
    /// or when the templates are known.
    var subject: RuleSubject { get }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector)
}

/// When a rule runs: each subject is checked once, by the stage that has it.
public enum RuleSubject: Sendable, CaseIterable {
    /// The strategy, or a variant resolved onto its base: run by the compiler and by the variant build.
    case model
    /// The strategy against the edition before it (`previous_edition`, `--since`).
    case previousEdition
    /// The templates against the fields the views provide.
    case templates
}
