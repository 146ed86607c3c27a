import Foundation
import StrategyModel
import StrategyRender
import StrategyStore

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
        let edition = context.strategy.edition
        var notes: [String] = []
        let otherEdition = recorded.filter { $0.modelEdition != edition }
        for (other, returns) in Dictionary(grouping: otherEdition, by: \.modelEdition).sorted(by: { $0.key < $1.key }) {
            notes.append("\(count(returns.count, "return")) recorded against edition \(other) \(returns.count == 1 ? "was" : "were") left out: add \(returns.count == 1 ? "it" : "them") again with this strategy (edition \(edition)) to carry the answers across.")
        }
        let comparable = recorded.filter { $0.modelEdition == edition }
        for (from, returns) in Dictionary(grouping: comparable.filter { $0.edition != edition }, by: \.edition).sorted(by: { $0.key < $1.key }) {
            notes.append("\(count(returns.count, "return")) made from edition \(from) \(returns.count == 1 ? "was" : "were") carried to edition \(edition) through replaced_by when recorded.")
        }
        let variantReturns = comparable.filter { $0.variant != nil }.count
        if variantReturns > 0 {
            notes.append("\(count(variantReturns, "return")) came from regional or local variants: only their answers to the national indicators count here.")
        }
        let leftOut = Set(request.leftOutTypes)
        let types = comparable.filter { $0.round == request.round && leftOut.contains($0.councilType) }
        if !types.isEmpty {
            notes.append("\(Set(types.map(\.councilKey)).count) \(request.leftOutTypes.sorted().joined(separator: ", ").lowercased()) \(Set(types.map(\.councilKey)).count == 1 ? "is" : "are") left out as not comparable with councils.")
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
            rounds[round] = PeerCouncil.councils(from: returns, published: context.published)
        }
        let form = context.strategy.assessmentForm
        let figures = BenchmarkFigures(
            round: request.round, rounds: rounds, published: context.published, regions: form?.regions ?? [],
            types: form?.organisationTypes ?? [], control: DisclosureControl(threshold: request.threshold), notes: notes)
        return (figures, context)
    }

    public func renderBenchmark(_ figures: BenchmarkFigures, in context: AssessmentContext, templates: TemplateSet) -> [OutputFile] {
        BenchmarkRenderer(templates: templates, stamp: context.stamp)
            .render(figures, strategy: context.published.strategy, reportingTo: collector)
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
