import StrategyModel

/// The one place every stage of a publication reports into.
///
/// Stages never print and never throw for content problems: they hand their diagnostics here. The
/// collector applies one policy to all of them, whatever stage they came from (the sources, the templates,
/// the previous edition, the workbook, the output): warnings become errors under `--warnings-as-errors`,
/// duplicates are dropped, and the result is sorted by file and position. Commands then hand `diagnostics`
/// to a `DiagnosticFormat` to write them once.
public final class DiagnosticCollector {
    public let warningsAsErrors: Bool
    private var collected: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init(warningsAsErrors: Bool = false) {
        self.warningsAsErrors = warningsAsErrors
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

    /// Everything reported so far, sorted by file, position and code.
    public var diagnostics: [Diagnostic] { collected.sorted() }

    public var hasErrors: Bool { collected.containsErrors }

    public var warningCount: Int { collected.filter { $0.severity == .warning }.count }
}
