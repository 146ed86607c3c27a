import Foundation
import StrategyCompiler
import StrategyModel
import StrategyRender
import StrategyWorkbook
import StrategyDiagnostics
import StrategySupport

/// What completed returns are read and scored against: the national strategy or a variant resolved onto
/// it, with the stamp its workbook carries and the variant's weights.
public struct AssessmentContext: Sendable {
    /// The whole model, retired elements included (older returns migrate through them).
    public var strategy: Strategy
    public var published: PublishedStrategy
    public var stamp: PublicationStamp
    /// The variant's id; nil for the national strategy.
    public var variant: String?
    /// Key-area weights from the variant's priorities; empty for the national strategy (every weight 1).
    public var weights: [String: Double]
    /// The variant's accent colour, for its report.
    public var accent: String?
    /// Template override folders of the variant's layers.
    public var templateOverrides: [String]
    /// Indicators the variant added or reworded (or that sit in a key area it added): the council's own,
    /// never part of a national figure. Empty for the national strategy.
    public var localIndicators: Set<String> = []
    /// What the council's report says about the variant: its own indicators and what it left out. Nil for
    /// the national strategy.
    public var assessedVariant: AssessedVariant?
    /// The variant's priorities by key area (its default and minimum targets); empty for the national
    /// strategy.
    public var priorities: [String: ResolvedVariant.Priority] = [:]
}

extension PublicationPipeline {
    /// Compiles the strategy, or resolves the variant, that returns are read against. Nil when it has
    /// errors (reported): returns are never scored against a broken model.
    public func assessmentContext(variant: String?) throws -> AssessmentContext? {
        if let variant {
            guard let resolved = try resolveVariant(variant) else { return nil }
            checkResolvedVariant(resolved)
            guard !collector.hasErrors else { return nil }
            let (strategy, published, stamp) = prepareVariant(resolved)
            let local = resolved.strategy.allKeyAreas.flatMap { area in
                area.indicators.filter { resolved.origin(of: $0.id) != .inherited || resolved.origin(of: area.id).isAdded }
                    .map(\.id)
            }
            return AssessmentContext(
                strategy: strategy, published: published, stamp: stamp, variant: resolved.variant?.id,
                weights: resolved.priorities.mapValues(\.weight), accent: resolved.branding.accent,
                templateOverrides: templateOverrides(of: resolved), localIndicators: Set(local),
                assessedVariant: AssessedVariant(resolved), priorities: resolved.priorities)
        }
        let compilation = try compile()
        guard let strategy = compilation.strategy, !collector.hasErrors else { return nil }
        let (published, stamp) = prepare(strategy)
        return AssessmentContext(strategy: strategy, published: published, stamp: stamp, variant: nil, weights: [:],
                                 accent: nil, templateOverrides: [])
    }

    /// Reads each return against the context, every problem in every file reported in one pass. Returns
    /// the ones that could be read at all, in the order given.
    public func readReturns(_ paths: [String], in context: AssessmentContext) -> [CompletedReturn] {
        let reader = ReturnReader(strategy: context.strategy, expecting: .init(
            edition: context.strategy.edition, contentHash: context.stamp.hash.hex, variant: context.variant,
            knownVariantFolders: VariantPaths.foldersByID(in: "Variants")))
        return paths.compactMap { path in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                collector.report(Diagnostic(.returnUnreadable, "'\(path)' cannot be read as an assessment return: "
                                            + (isFolder.boolValue ? "it is a folder" : "there is no such file"),
                                            at: SourceRange(at: .wholeFile(path))))
                return nil
            }
            return reader.read(URL(fileURLWithPath: path), path: path, reportingTo: collector)
        }
    }

    /// Returns combined in one report must be one organisation's: respondents of one council, never two
    /// councils averaged into a figure that describes neither.
    public func checkOneOrganisation(_ returns: [CompletedReturn]) {
        var first: (name: String, path: String, range: SourceRange)?
        for completed in returns {
            let name = completed.about(.organisation)
            guard !name.isEmpty else { continue }
            guard let seen = first else {
                first = (name, completed.path, completed.range(of: .organisation))
                continue
            }
            if Suggestion.normalize(name) != Suggestion.normalize(seen.name) {
                collector.report(Diagnostic(
                    .returnMixedOrganisations,
                    "'\(completed.path)' is a return of \(name), but '\(seen.path)' is a return of \(seen.name): give one organisation's returns to a report",
                    at: completed.range(of: .organisation),
                    notes: [.init("\(seen.name) is named here", at: seen.range)]))
            }
        }
    }

    /// Progress "since then" needs a then: every return given as previous must be of an earlier round than
    /// the report's (its latest round). Rounds are compared as numbers when both are, otherwise as text; a
    /// return that names no round is not held to this.
    public func checkEarlierRound(_ returns: [CompletedReturn], previous: [CompletedReturn]) {
        func earlier(_ a: String, _ b: String) -> Bool {
            if let x = Int(a), let y = Int(b) { return x < y }
            return a < b
        }
        let rounds = returns.map { $0.about(.round) }.filter { !$0.isEmpty }
        guard let latest = rounds.max(by: earlier) else { return }
        for completed in previous {
            let round = completed.about(.round)
            guard !round.isEmpty, !earlier(round, latest) else { continue }
            collector.report(Diagnostic(
                .returnPreviousNotEarlier,
                "'\(completed.path)' is a return of round \(round), which is not earlier than the report's round \(latest): give --previous a return of an earlier round",
                at: completed.range(of: .round)))
        }
    }

    /// The council's report pages, from its returns scored against the context.
    public func renderReport(_ returns: [CompletedReturn], previous: [CompletedReturn], in context: AssessmentContext,
                             templates: TemplateSet, peers: PeerComparison? = nil) -> [OutputFile] {
        let result = AssessmentResult(context.published, returns: returns, weights: context.weights, previous: previous)
        return ReportRenderer(templates: templates, stamp: context.stamp)
            .render(result, returns: returns, previous: previous, variant: context.variant, accent: context.accent,
                    peers: peers, assessedVariant: context.assessedVariant, reportingTo: collector)
    }
}
