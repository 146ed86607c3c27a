import StrategyModel

/// Collects diagnostics from every stage of one compile, so that no stage has to stop at the first problem.
final class DiagnosticEngine {
    private(set) var diagnostics: [Diagnostic] = []

    func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func emit(contentsOf more: [Diagnostic]) {
        diagnostics += more
    }
}
