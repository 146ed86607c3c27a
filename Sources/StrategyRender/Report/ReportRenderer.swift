import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Renders a council's report from its scored returns: `index.html` (through the `report` template, with
/// the site's stylesheet), `report.md` (through `report.md`), `report.json` (every figure) and `actions.csv`
/// (the action plan).
///
/// The page stands alone: it links to no toolkit page, so the folder can be mailed or published as it is.
/// Nothing here reads a clock: the same returns give the same bytes.
public struct ReportRenderer {
    let templates: TemplateSet
    let stamp: PublicationStamp

    public init(templates: TemplateSet, stamp: PublicationStamp) {
        self.templates = templates
        self.stamp = stamp
    }

    /// `variant` is the variant's id, when the report is for one; `accent` its colour.
    /// `peers`: the benchmark's figures for the council's groups, for "compared to your peers".
    /// `assessedVariant`: the variant's own indicators and exclusions, marked in the report.
    public func render(_ result: AssessmentResult, returns: [CompletedReturn], previous: [CompletedReturn] = [],
                       variant: String? = nil, accent: String? = nil, peers: PeerComparison? = nil,
                       assessedVariant: AssessedVariant? = nil, reportingTo collector: DiagnosticCollector) -> [OutputFile] {
        let missing = [TemplateSet.Name.report, .reportMarkdown].filter { !templates.has($0) }
        for name in missing {
            collector.report(Diagnostic(.templateMissing, "a report needs a template '\(name.rawValue)': add \(name.rawValue).mustache",
                                        at: SourceRange(at: .wholeFile(name.rawValue + ".mustache"))))
        }
        guard missing.isEmpty else { return [] }
        let details = ReportDetails(result: result, respondentLabels: Self.numberedLabels(returns), variant: assessedVariant)
        let view = Self.view(result, returns: returns, previous: previous, stamp: stamp, accent: accent, peers: peers, details: details)
        return [
            OutputFile(path: "index.html", text: templates.render(.report, reportingTo: collector, view)),
            OutputFile(path: "report.md", text: templates.render(.reportMarkdown, reportingTo: collector, view)),
            OutputFile(path: "report.json", contents: StableJSON.encode(
                ReportJSON.document(result, returns: returns, previous: previous, stamp: stamp, variant: variant, peers: peers,
                                    details: details))),
            OutputFile(path: "actions.csv", text: ActionPlanCSV.text(result, details: details)),
        ] + templates.assets
    }

    /// A level number as its name; "–" for none.
    static func levelName(_ number: Int?, in strategy: Strategy) -> String {
        guard let number, strategy.levels.indices.contains(number - 1) else { return "–" }
        return strategy.levels[number - 1].name
    }

    /// 0.734 → "73%", half up; "–" for none.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    static func weight(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// Each return as the report names its respondent: role and department, or "Respondent N".
    static func respondentLabels(_ returns: [CompletedReturn]) -> [String] {
        returns.enumerated().map { index, completed in
            let role = [completed.about(.role), completed.about(.department)].filter { !$0.isEmpty }.joined(separator: ", ")
            return role.isEmpty ? "Respondent \(index + 1)" : role
        }
    }

    /// "1. Head of procurement, Procurement": as the respondents' table heads its columns.
    static func numberedLabels(_ returns: [CompletedReturn]) -> [String] {
        respondentLabels(returns).enumerated().map { "\($0 + 1). \($1)" }
    }

    static func view(_ result: AssessmentResult, returns: [CompletedReturn], previous: [CompletedReturn],
                     stamp: PublicationStamp, accent: String?, peers: PeerComparison? = nil, details: ReportDetails) -> ReportView {
        let strategy = result.strategy
        func name(_ number: Int?) -> String { levelName(number, in: strategy) }
        let organisation = returns.lazy.map { $0.about(.organisation) }.first { !$0.isEmpty } ?? "The council"
        let labels = numberedLabels(returns)
        let keyAreas = result.keyAreas.enumerated().map { index, area -> ReportKeyAreaView in
            let given = area.respondents.compactMap { $0 }
            let change: String
            if let now = area.progress, let before = area.previousProgress {
                let points = Int(((now - before) * 100).rounded())
                change = points == 0 ? "no change" : (points > 0 ? "+\(points)" : "\(points)") + " points"
            } else {
                change = "–"
            }
            return ReportKeyAreaView(
                number: index + 1, id: area.keyArea.id, title: area.keyArea.title, themeTitle: area.themeTitle,
                weight: weight(area.weight), current: name(area.current), target: name(area.target),
                gap: area.gap.map { $0 == 0 ? "met" : "\($0) level\($0 == 1 ? "" : "s")" } ?? "–",
                progress: percent(area.progress), answered: "\(area.answered) of \(area.indicators.count)",
                previousCurrent: name(area.previousCurrent), change: change,
                respondentLevels: zip(area.respondents, labels).map { ReportCellView(text: name($0), label: $1) },
                middle: name(AssessmentResult.lowerMedian(given)),
                spread: given.isEmpty ? "–" : (given.min() == given.max() ? "none" : "\(name(given.min())) to \(name(given.max()))"),
                reading: KeyAreaReading.text(area, in: strategy, returnCount: returns.count),
                origin: details.origin(ofKeyArea: area.keyArea.id), indicators: details.indicators(of: area))
        }
        let respondents = zip(returns, respondentLabels(returns)).enumerated().map { index, pair in
            let (completed, label) = pair
            let stampText = completed.stamp.map { "edition \($0.edition), content hash \($0.contentHash.prefix(12))\($0.variant.map { ", variant \($0)" } ?? "")" }
                ?? "a CSV return (no stamp)"
            return ReportRespondentView(
                number: index + 1, label: label,
                file: (completed.path as NSString).lastPathComponent, date: completed.about(.date).isEmpty ? "–" : completed.about(.date),
                round: completed.about(.round).isEmpty ? "–" : completed.about(.round),
                validation: completed.about(.validation).isEmpty ? "–" : completed.about(.validation), stamp: stampText)
        }
        let areaTitles = Dictionary(result.keyAreas.flatMap { area in area.indicators.map { ($0.indicator.id, area.keyArea.title) } },
                                    uniquingKeysWith: { first, _ in first })
        let unanswered = result.unanswered.map {
            ReportUnansweredView(keyAreaTitle: areaTitles[$0.id] ?? "", indicatorID: $0.id, indicatorTitle: $0.title,
                                 origin: details.origin(ofIndicator: $0.id))
        }
        let actions = details.actions, excluded = details.excluded
        var notes: [String] = []
        for completed in returns + previous {
            let file = (completed.path as NSString).lastPathComponent
            guard let migration = completed.migration else { continue }
            var parts = ["\(file) was made from edition \(migration.fromEdition) and read against edition \(strategy.edition)."]
            if !migration.carried.isEmpty {
                parts.append("Answers carried to the indicators that replaced theirs: "
                             + migration.carried.map { "\($0.from) → \($0.to)" }.joined(separator: ", ") + ".")
            }
            if !migration.dropped.isEmpty {
                parts.append("Answers dropped with indicators retired without replacement: \(migration.dropped.joined(separator: ", ")).")
            }
            if !migration.new.isEmpty {
                parts.append("New indicators it could not answer: \(migration.new.joined(separator: ", ")).")
            }
            notes.append(parts.joined(separator: " "))
        }
        let summary = "\(percent(result.progress)) of the way to its targets, from \(result.answered) of \(result.indicatorCount) "
            + "indicators with both a current and a target level, \(returns.count == 1 ? "from one return" : "combining \(returns.count) returns")."
        let previousSummary = previous.isEmpty ? ""
            : "At the earlier assessment (\(previous.count == 1 ? "one return" : "\(previous.count) returns")) it was \(percent(result.previousProgress)) of the way."
        let levels = SiteRenderer.levels(strategy)
        let chart = RadarChart(
            spokes: result.keyAreas.enumerated().map { .init(number: $0 + 1, current: $1.current, target: $1.target) },
            levelCount: strategy.levels.count,
            title: "Current and target levels by key area",
            description: "A radar chart with one spoke per key area, numbered as in the table of key areas, on a scale from 0 to \(strategy.levels.count). "
                + "The shaded shape is the current level, the dashed line the target. The table holds the same figures.")
        return ReportView(
            title: "Where \(organisation) stands", organisation: organisation, strategyTitle: strategy.title,
            edition: strategy.edition, contentHash: stamp.hash.hex, contentHashShort: stamp.hash.short, generator: stamp.generator,
            accent: accent, summary: summary, hasPrevious: !previous.isEmpty, previousSummary: previousSummary, levels: levels,
            keyAreas: keyAreas, hasWeights: result.keyAreas.contains { $0.weight != 1 },
            respondents: respondents, hasSeveralRespondents: returns.count > 1, radarSVG: chart.svg,
            unanswered: unanswered, hasUnanswered: !unanswered.isEmpty,
            notes: notes, hasNotes: !notes.isEmpty, peerTables: peers.map { peerTables($0, result) } ?? [],
            hasPeers: peers != nil,
            peersIntro: peers.map { "How councils stood in the peer benchmark of round \($0.round), beside this council's own levels, exactly as the benchmark publishes them. So that no council's answers can be worked out, each count of councils is rounded to a multiple of \($0.threshold), at random, up or down, and now and then moved a further \($0.threshold) or more (so a 0 may stand for several councils, and any figure is a guide, not an exact count), and a median is given as the tenth it falls in, only for groups of at least \(2 * $0.threshold) councils." } ?? "",
            actions: actions, hasActions: !actions.isEmpty, variantNote: details.variantNote, hasVariantNote: !details.variantNote.isEmpty,
            excluded: excluded, hasExcluded: !excluded.isEmpty)
    }

    /// One table per group the council belongs to: the group's councils by level in each key area, its
    /// median progress, and this council's own level and progress beside them.
    static func peerTables(_ peers: PeerComparison, _ result: AssessmentResult) -> [ReportPeerTableView] {
        let strategy = result.strategy
        return peers.groups.enumerated().map { index, group in
            let headers = (peers.categories + ["Councils", "Median progress", "This council's level", "This council's progress"])
                .map { ReportCellView(text: $0) }
            let rows = result.keyAreas.map { area -> ReportPeerRowView in
                let id = area.keyArea.id
                var cells = (group.counts[id] ?? peers.categories.map { _ in nil }).map { ReportCellView(text: $0.map(String.init) ?? "withheld") }
                let size = group.sizes[id] ?? nil
                cells.append(ReportCellView(text: size.map(String.init) ?? "withheld"))
                let median = group.medianProgress[id] ?? nil
                cells.append(ReportCellView(text: median?.text ?? "too few to show"))
                cells.append(ReportCellView(text: levelName(area.current, in: strategy)))
                cells.append(ReportCellView(text: percent(area.progress)))
                for index in cells.indices where headers.indices.contains(index) { cells[index].label = headers[index].text }
                return ReportPeerRowView(title: area.keyArea.title, cells: cells)
            }
            return ReportPeerTableView(id: "peers-\(index + 1)", caption: "\(group.label): councils by level reached, round \(peers.round)",
                                       headers: headers, rows: rows)
        }
    }
}
