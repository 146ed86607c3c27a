import StrategyModel

/// The compiler's stages report into the publication's one `DiagnosticCollector`; inside the compiler it
/// is called the engine, and `emit` is its verb.
typealias DiagnosticEngine = DiagnosticCollector

extension DiagnosticCollector {
    func emit(_ diagnostic: Diagnostic) {
        report(diagnostic)
    }

    func emit(contentsOf more: [Diagnostic]) {
        report(more)
    }
}
