import StrategyModel
import Testing
import StrategyDiagnostics

/// The one policy every stage's diagnostics go through.
@Suite struct DiagnosticCollectorTests {
    private func at(_ path: String, _ line: Int) -> SourceRange {
        SourceRange(at: SourceLocation(path: path, line: line, column: 1))
    }

    @Test func sortsByPlaceAndDropsRepeats() {
        let collector = DiagnosticCollector()
        let late = Diagnostic(.unknownKey, "late", at: at("b.md", 3))
        let early = Diagnostic(.missingKey, "early", at: at("a.md", 9))
        collector.report([late, early, late])
        #expect(collector.diagnostics == [early, late])
    }

    @Test func warningsBecomeErrorsOnlyWhenAsked() {
        let warning = Diagnostic(.placeholderText, "TODO left", at: at("a.md", 1))
        let lenient = DiagnosticCollector()
        lenient.report(warning)
        #expect(!lenient.hasErrors && lenient.warningCount == 1)
        let strict = DiagnosticCollector(warningsAsErrors: true)
        strict.report(warning)
        #expect(strict.hasErrors && strict.warningCount == 0)
        #expect(strict.diagnostics.map(\.severity) == [.error])
    }

    @Test func errorLimitShowsTheFirstErrorsAndCountsTheRest() {
        let collector = DiagnosticCollector(errorLimit: 2)
        for line in [4, 1, 3, 2] { collector.report(Diagnostic(.missingKey, "e\(line)", at: at("a.md", line))) }
        collector.report(Diagnostic(.placeholderText, "w", at: at("z.md", 1)))
        #expect(collector.diagnostics.map(\.message) == ["e1", "e2", "w"])
        #expect(collector.errorsOverLimit == 2)
        #expect(collector.hasErrors)
    }

    @Test func markGivesOneStagesDiagnostics() {
        let collector = DiagnosticCollector()
        collector.report(Diagnostic(.outputNotOwned, "before", at: at("_site", 0)))
        let mark = collector.mark
        collector.report(Diagnostic(.missingKey, "after", at: at("a.md", 1)))
        #expect(collector.diagnostics(since: mark).map(\.message) == ["after"])
    }
}
