import StrategyModel
import StrategyPipeline
import Testing
import StrategyDiagnostics

/// A report combines one organisation's returns: two councils averaged into one figure would describe
/// neither.
@Suite struct OneOrganisationTests {
    private func completed(_ path: String, _ organisation: String) -> CompletedReturn {
        var completed = CompletedReturn(path: path, stamp: nil, about: organisation.isEmpty ? [:] : ["AboutOrganisation": organisation],
                                        answers: [:])
        completed.aboutCells = ["AboutOrganisation": .cell(path: path, sheet: "About", row: 4, column: 2)]
        return completed
    }

    @Test func returnsOfTwoOrganisationsAreRefused() {
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "test"), collector: collector)
        pipeline.checkOneOrganisation([completed("a.xlsx", "Riverside District Council"), completed("b.xlsx", ""),
                                       completed("c.xlsx", "riverside district council "), completed("d.xlsx", "Hillside Borough Council")])
        #expect(DiagnosticFormat.text.render(collector.diagnostics) == """
            d.xlsx:About!B4: error: 'd.xlsx' is a return of Hillside Borough Council, but 'a.xlsx' is a return of Riverside District Council: give one organisation's returns to a report [return-mixed-organisations]
            a.xlsx:About!B4: note: Riverside District Council is named here
            1 error and 0 warnings generated.

            """)
    }
}
