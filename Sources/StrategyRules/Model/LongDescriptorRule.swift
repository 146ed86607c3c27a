import StrategyModel
import StrategyDiagnostics

/// A descriptor is one cell of a maturity table. Past about a thousand characters it no longer reads as a
/// cell (and prints badly); that is worth an editor's look, but not an error.
struct LongDescriptorRule: Rule {
    var subject: RuleSubject { .model }

    static let limit = 1_000

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        // The key area is named too: every key area has an indicator of the same title as another's.
        strategy.allKeyAreas.flatMap { area in area.indicators.map { (area, $0) } }.flatMap { area, indicator in
            indicator.descriptors.filter { $0.text.plainText.count > Self.limit }.map { descriptor in
                Diagnostic(
                    .longDescriptor,
                    "the '\(descriptor.levelID)' descriptor of '\(indicator.title)', in '\(area.title)', is \(descriptor.text.plainText.count) characters; consider keeping table cells under \(Self.limit)",
                    at: descriptor.range)
            }
        }
    }
}
