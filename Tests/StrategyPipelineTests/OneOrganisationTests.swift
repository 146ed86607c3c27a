import StrategyModel
import StrategyPipeline
import Testing

/// A report combines one organisation's returns: two councils averaged into one figure would describe
/// neither.
@Suite struct OneOrganisationTests {
    private func completed(_ path: String, _ organisation: String) -> CompletedReturn {
        CompletedReturn(path: path, stamp: nil, about: organisation.isEmpty ? [:] : ["AboutOrganisation": organisation], answers: [:])
    }

    @Test func returnsOfTwoOrganisationsAreRefused() {
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "test"), collector: collector)
        pipeline.checkOneOrganisation([completed("a.xlsx", "Riverside District Council"), completed("b.xlsx", ""),
                                       completed("c.xlsx", "riverside district council "), completed("d.xlsx", "Hillside Borough Council")])
        #expect(DiagnosticFormat.text.render(collector.diagnostics) == """
            d.xlsx: error: 'd.xlsx' is a return of Hillside Borough Council, but 'a.xlsx' is a return of Riverside District Council: give one organisation's returns to a report [return-mixed-organisations]
            1 error and 0 warnings generated.

            """)
    }
}
