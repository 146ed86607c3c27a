import Foundation
import StrategyModel
import StrategyRender
import StrategyStore
import StrategyDiagnostics

/// How `strategyc benchmark` compares: the round, the threshold, and the council types left out.
public struct BenchmarkRequest: Sendable {
    public var round: String
    public var threshold: Int
    /// Types not comparable with councils (combined authorities, by default).
    public var leftOutTypes: [String]

    public init(round: String, threshold: Int, leftOutTypes: [String]) {
        self.round = round
        self.threshold = threshold
        self.leftOutTypes = leftOutTypes
    }
}

extension PublicationPipeline {
    /// The benchmark's figures for a round, from every round in the store: like compared with like (the
    /// edition the strategy is at now, the types asked for), every exclusion and migration said in notes.
    /// Nil when the strategy has errors or the store has no return for the round (reported).
    public func benchmarkFigures(_ store: ReturnStore, _ request: BenchmarkRequest) throws -> (BenchmarkFigures, AssessmentContext)? {
        guard let context = try assessmentContext(variant: nil) else { return nil }
        let recorded = try store.returns().map(\.stored)
        let recordKey = RecordKeys(secret: try store.disclosureSecret())
        let control = DisclosureControl(threshold: request.threshold, emptyCellKey: recordKey.emptyCell)
        let edition = context.strategy.edition
        // Notes speak of the round reported, and count councils as every figure is counted: rounded and
        // shifted by the councils' keys, so a note never says more than a table may.
        let thisRound = recorded.filter { $0.round == request.round }
        var notes: [String] = []
        func councils(_ returns: [StoredReturn]) -> String {
            let keys = Set(returns.map(\.councilKey)).sorted().map(recordKey.of)
            let rounded = control.roundedCount(ofCouncils: keys)
            return rounded == 0 ? "a few councils" : "about \(rounded) councils"
        }
        let otherEdition = thisRound.filter { $0.modelEdition != edition }
        for (other, returns) in Dictionary(grouping: otherEdition, by: \.modelEdition).sorted(by: { $0.key < $1.key }) {
            notes.append("The returns of \(councils(returns)) recorded against edition \(other) were left out: add them again with this strategy (edition \(edition)) to carry the answers across.")
        }
        let comparable = recorded.filter { $0.modelEdition == edition }
        let comparableNow = comparable.filter { $0.round == request.round }
        for (from, returns) in Dictionary(grouping: comparableNow.filter { $0.edition != edition }, by: \.edition).sorted(by: { $0.key < $1.key }) {
            notes.append("The returns of \(councils(returns)) made from edition \(from) were carried to edition \(edition) through replaced_by when recorded.")
        }
        let variantReturns = comparableNow.filter { $0.variant != nil }
        if !variantReturns.isEmpty {
            notes.append("The returns of \(councils(variantReturns)) came from regional or local variants: only their answers to the national indicators count here.")
        }
        let leftOut = Set(request.leftOutTypes)
        let types = comparableNow.filter { leftOut.contains($0.councilType) }
        if !types.isEmpty {
            notes.append("Left out as not comparable with councils: \(councils(types)) of type \(request.leftOutTypes.sorted().joined(separator: ", ").lowercased()).")
        }
        let counted = comparable.filter { !leftOut.contains($0.councilType) }
        guard counted.contains(where: { $0.round == request.round }) else {
            let rounds = Set(recorded.map(\.round)).sorted()
            collector.report(Diagnostic(
                .storeUnusable,
                "the store has no comparable return for round \(request.round)"
                    + (rounds.isEmpty ? "; it holds no return at all" : "; its rounds are \(rounds.joined(separator: ", "))"),
                at: SourceRange(at: .wholeFile(store.path))))
            return nil
        }
        var rounds: [String: [PeerCouncil]] = [:]
        for (round, returns) in Dictionary(grouping: counted, by: \.round) {
            rounds[round] = PeerCouncil.councils(from: returns, published: context.published, recordKey: recordKey.of)
        }
        let form = context.strategy.assessmentForm
        let figures = BenchmarkFigures(
            round: request.round, rounds: rounds, published: context.published, regions: form?.regions ?? [],
            types: form?.organisationTypes ?? [], control: control, notes: notes)
        return (figures, context)
    }

    public func renderBenchmark(_ figures: BenchmarkFigures, in context: AssessmentContext, templates: TemplateSet) -> [OutputFile] {
        BenchmarkRenderer(templates: templates, stamp: context.stamp)
            .render(figures, strategy: context.published.strategy, reportingTo: collector)
    }

}
