import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// The parts of the council's report below its summary tables: each key area's indicators with what the
/// respondents wrote, the action plan, and what a variant changed. Split from `ReportRenderer` so that the
/// figures and the words about them are made in one place each.
struct ReportDetails {
    let result: AssessmentResult
    /// "1. Head of procurement, Procurement", in the order the returns were given.
    let respondentLabels: [String]
    let variant: AssessedVariant?

    private var strategy: Strategy { result.strategy }

    /// "local" or "reworded locally" for an indicator of the variant's own; nil for a national one.
    func origin(ofIndicator id: String) -> String? {
        switch variant?.localIndicators[id] {
        case .added: "local"
        case .reworded: "reworded locally"
        case nil: nil
        }
    }

    func origin(ofKeyArea id: String) -> String? {
        variant?.localKeyAreas.contains(id) == true ? "local key area" : nil
    }

    func indicators(of area: AssessmentResult.KeyAreaResult) -> [ReportIndicatorView] {
        area.indicators.map { result in
            let notes = result.answers.enumerated().compactMap { index, answer -> ReportNoteView? in
                guard let answer else { return nil }
                let items = [("Evidence", answer.evidence), ("Actions", answer.actions), ("Owner", answer.owner),
                             ("Review date", answer.reviewDate)]
                    .map { ($0, $1.trimmingSpacesAndNewlines()) }.filter { !$0.1.isEmpty }
                    .map { ReportNoteItemView(label: $0, text: $1, markdown: ToolkitMarkdownView.cell($1)) }
                guard !items.isEmpty else { return nil }
                return ReportNoteView(respondent: respondentLabels.indices.contains(index) ? respondentLabels[index] : "", items: items)
            }
            return ReportIndicatorView(
                id: result.indicator.id, title: result.indicator.title, current: ReportRenderer.levelName(result.current, in: strategy),
                target: ReportRenderer.levelName(result.target, in: strategy), origin: origin(ofIndicator: result.indicator.id),
                notes: notes, hasNotes: !notes.isEmpty)
        }
    }

    var actions: [ReportActionView] {
        result.actionPlan.map { item in
            let step = item.step
            let actions = Self.joined(item.actions), owner = Self.joined(item.owners), date = Self.joined(item.reviewDates)
            return ReportActionView(
                keyAreaID: step.keyArea.id, keyAreaTitle: step.keyArea.title, indicatorID: step.indicator.id,
                indicatorTitle: step.indicator.title, origin: origin(ofIndicator: step.indicator.id),
                from: ReportRenderer.levelName(step.current, in: strategy), to: step.next.name,
                target: ReportRenderer.levelName(step.target, in: strategy),
                descriptorHTML: step.descriptor?.html ?? "", descriptorMarkdown: ToolkitMarkdownView.cell(step.descriptor?.plainText ?? ""),
                actions: actions, owner: owner, reviewDate: date,
                actionsMarkdown: ToolkitMarkdownView.cell(actions), ownerMarkdown: ToolkitMarkdownView.cell(owner),
                reviewDateMarkdown: ToolkitMarkdownView.cell(date))
        }
    }

    /// Several respondents' texts on one line, in the order of the returns; "–" when nobody wrote one.
    static func joined(_ texts: [String]) -> String {
        texts.isEmpty ? "–" : texts.joined(separator: "; ")
    }

    var excluded: [ReportExcludedView] {
        guard let variant else { return [] }
        let all = variant.excludedKeyAreas.map { ("Key area", $0) } + variant.excludedIndicators.map { ("Indicator", $0) }
        return all.map { kind, excluded in
            ReportExcludedView(kind: kind, title: excluded.title, reason: excluded.reason,
                               reasonMarkdown: ToolkitMarkdownView.cell(excluded.reason))
        }
    }

    /// What "local" means here, for a variant with indicators of its own; "" otherwise.
    var variantNote: String {
        guard let variant, !variant.localIndicators.isEmpty else { return "" }
        return "Indicators marked local are not in the national strategy: this variant (\(variant.title)) or a region it builds "
            + "on added them. Those marked reworded locally are national indicators whose text the variant changed. Neither "
            + "counts in any national figure."
    }
}
