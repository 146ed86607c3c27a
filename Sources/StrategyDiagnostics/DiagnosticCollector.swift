/// The one place every stage of a publication reports into.
///
/// Stages never print and never throw for content problems: the reader, the model builder, the checkers,
/// the template loader, the renderers, the previous edition and the output guard all hand their
/// diagnostics here. The collector applies one policy to all of them, whatever stage they came from:
/// warnings become errors under `--warnings-as-errors`, repeats are dropped, the result is sorted by file
/// and position, and an error limit (if set) keeps the report readable. Commands hand `diagnostics` to a
/// `DiagnosticFormat` to write them once.
public final class DiagnosticCollector {
    /// A point in the collection, to ask later for what was reported after it (one stage's diagnostics).
    public struct Mark: Sendable {
        fileprivate let count: Int
    }

    public let warningsAsErrors: Bool
    /// How many errors to show; nil for all. The count of those left out is still reported.
    public let errorLimit: Int?
    private var collected: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init(warningsAsErrors: Bool = false, errorLimit: Int? = nil) {
        self.warningsAsErrors = warningsAsErrors
        self.errorLimit = errorLimit
    }

    public func report(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if warningsAsErrors && diagnostic.severity == .warning { diagnostic.severity = .error }
        guard seen.insert(diagnostic).inserted else { return }
        collected.append(diagnostic)
    }

    public func report(_ diagnostics: [Diagnostic]) {
        diagnostics.forEach(report)
    }

    public var mark: Mark { Mark(count: collected.count) }

    /// What was reported since `mark`, sorted.
    public func diagnostics(since mark: Mark) -> [Diagnostic] {
        collected[mark.count...].sorted()
    }

    /// Everything reported so far, sorted by file, position and code, with errors past the limit left out.
    public var diagnostics: [Diagnostic] {
        let sorted = collected.sorted()
        guard let errorLimit else { return sorted }
        var errors = 0
        return sorted.filter { diagnostic in
            guard diagnostic.severity == .error else { return true }
            errors += 1
            return errors <= errorLimit
        }
    }

    /// Errors reported but left out of `diagnostics` by the error limit.
    public var errorsOverLimit: Int {
        guard let errorLimit else { return 0 }
        return max(0, collected.filter { $0.severity == .error }.count - errorLimit)
    }

    public var hasErrors: Bool { collected.containsErrors }

    public var warningCount: Int { collected.filter { $0.severity == .warning }.count }
}
