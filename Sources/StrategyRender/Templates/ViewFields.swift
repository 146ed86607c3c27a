import Mustache

// Every view the templates see, with its fields by name: swift-mustache then reads a field through a key
// path instead of reflecting on the whole value for each tag, which made rendering most of a build's time.
// TemplateFieldsTests checks each list against the view's stored properties, so none can be forgotten.

extension PageView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<PageView>] = [
        "root": \PageView.root,
        "pageTitle": \PageView.pageTitle,
        "strategyTitle": \PageView.strategyTitle,
        "shortTitle": \PageView.shortTitle,
        "edition": \PageView.edition,
        "publisher": \PageView.publisher,
        "contentHash": \PageView.contentHash,
        "contentHashShort": \PageView.contentHashShort,
        "generator": \PageView.generator,
        "navigation": \PageView.navigation,
        "breadcrumbs": \PageView.breadcrumbs,
        "hasBreadcrumbs": \PageView.hasBreadcrumbs,
        "hasChangesPage": \PageView.hasChangesPage,
        "changesSince": \PageView.changesSince,
        "hasVariantPage": \PageView.hasVariantPage,
        "hasVariantsIndex": \PageView.hasVariantsIndex,
        "accent": \PageView.accent,
        "logoPath": \PageView.logoPath,
    ]
}

extension ChangesView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ChangesView>] = [
        "page": \ChangesView.page,
        "title": \ChangesView.title,
        "summary": \ChangesView.summary,
        "previousEdition": \ChangesView.previousEdition,
        "sections": \ChangesView.sections,
        "hasChanges": \ChangesView.hasChanges,
    ]
}

extension Link: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<Link>] = [
        "title": \Link.title,
        "href": \Link.href,
    ]
}

extension NavigationTheme: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<NavigationTheme>] = [
        "id": \NavigationTheme.id,
        "title": \NavigationTheme.title,
        "href": \NavigationTheme.href,
        "keyAreas": \NavigationTheme.keyAreas,
        "isListed": \NavigationTheme.isListed,
        "keyAreaCount": \NavigationTheme.keyAreaCount,
        "keyAreaNoun": \NavigationTheme.keyAreaNoun,
        "isCurrentTheme": \NavigationTheme.isCurrentTheme,
    ]
}

extension NavigationKeyArea: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<NavigationKeyArea>] = [
        "title": \NavigationKeyArea.title,
        "href": \NavigationKeyArea.href,
        "isCurrent": \NavigationKeyArea.isCurrent,
    ]
}

extension LevelView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<LevelView>] = [
        "id": \LevelView.id,
        "name": \LevelView.name,
        "number": \LevelView.number,
        "summary": \LevelView.summary,
        "hasSummary": \LevelView.hasSummary,
    ]
}

extension IndexView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<IndexView>] = [
        "page": \IndexView.page,
        "introductionHTML": \IndexView.introductionHTML,
        "levels": \IndexView.levels,
        "levelCount": \IndexView.levelCount,
        "themes": \IndexView.themes,
        "retired": \IndexView.retired,
        "hasRetired": \IndexView.hasRetired,
        "keyAreaCount": \IndexView.keyAreaCount,
        "indicatorCount": \IndexView.indicatorCount,
        "enablerCount": \IndexView.enablerCount,
    ]
}

extension ThemeView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ThemeView>] = [
        "id": \ThemeView.id,
        "title": \ThemeView.title,
        "isEnablers": \ThemeView.isEnablers,
        "descriptionHTML": \ThemeView.descriptionHTML,
        "keyAreas": \ThemeView.keyAreas,
    ]
}

extension KeyAreaSummaryView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<KeyAreaSummaryView>] = [
        "id": \KeyAreaSummaryView.id,
        "title": \KeyAreaSummaryView.title,
        "href": \KeyAreaSummaryView.href,
        "indicatorCount": \KeyAreaSummaryView.indicatorCount,
        "indicatorNoun": \KeyAreaSummaryView.indicatorNoun,
    ]
}

extension RetiredView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<RetiredView>] = [
        "id": \RetiredView.id,
        "title": \RetiredView.title,
        "context": \RetiredView.context,
        "hasSince": \RetiredView.hasSince,
        "themeTitle": \RetiredView.themeTitle,
        "since": \RetiredView.since,
        "retiredIn": \RetiredView.retiredIn,
        "replacedBy": \RetiredView.replacedBy,
        "hasReplacement": \RetiredView.hasReplacement,
    ]
}

extension KeyAreaView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<KeyAreaView>] = [
        "page": \KeyAreaView.page,
        "id": \KeyAreaView.id,
        "title": \KeyAreaView.title,
        "kind": \KeyAreaView.kind,
        "kindLowercased": \KeyAreaView.kindLowercased,
        "themeTitle": \KeyAreaView.themeTitle,
        "themeHref": \KeyAreaView.themeHref,
        "since": \KeyAreaView.since,
        "descriptionHTML": \KeyAreaView.descriptionHTML,
        "whatItIsHTML": \KeyAreaView.whatItIsHTML,
        "whyItIsImportantHTML": \KeyAreaView.whyItIsImportantHTML,
        "hasHelp": \KeyAreaView.hasHelp,
        "table": \KeyAreaView.table,
        "previous": \KeyAreaView.previous,
        "next": \KeyAreaView.next,
        "origin": \KeyAreaView.origin,
        "descriptionBaseHTML": \KeyAreaView.descriptionBaseHTML,
        "priority": \KeyAreaView.priority,
        "hasPriority": \KeyAreaView.hasPriority,
    ]
}

extension MaturityTableView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MaturityTableView>] = [
        "id": \MaturityTableView.id,
        "caption": \MaturityTableView.caption,
        "levels": \MaturityTableView.levels,
        "rows": \MaturityTableView.rows,
    ]
}

extension MaturityRowView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MaturityRowView>] = [
        "id": \MaturityRowView.id,
        "title": \MaturityRowView.title,
        "cells": \MaturityRowView.cells,
        "origin": \MaturityRowView.origin,
        "hasOrigin": \MaturityRowView.hasOrigin,
    ]
}

extension MaturityCellView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MaturityCellView>] = [
        "levelName": \MaturityCellView.levelName,
        "html": \MaturityCellView.html,
        "baseHTML": \MaturityCellView.baseHTML,
        "hasBaseText": \MaturityCellView.hasBaseText,
    ]
}

extension VariantView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<VariantView>] = [
        "page": \VariantView.page,
        "title": \VariantView.title,
        "audience": \VariantView.audience,
        "organisationType": \VariantView.organisationType,
        "baseTitle": \VariantView.baseTitle,
        "baseEdition": \VariantView.baseEdition,
        "basePublisher": \VariantView.basePublisher,
        "priorityExplanation": \VariantView.priorityExplanation,
        "layers": \VariantView.layers,
        "exclusions": \VariantView.exclusions,
        "hasExclusions": \VariantView.hasExclusions,
        "changedTexts": \VariantView.changedTexts,
        "hasChangedTexts": \VariantView.hasChangedTexts,
        "additions": \VariantView.additions,
        "hasAdditions": \VariantView.hasAdditions,
        "priorities": \VariantView.priorities,
        "hasPriorities": \VariantView.hasPriorities,
    ]
}

extension ToolkitMarkdownView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView>] = [
        "title": \ToolkitMarkdownView.title,
        "edition": \ToolkitMarkdownView.edition,
        "publisher": \ToolkitMarkdownView.publisher,
        "contentHash": \ToolkitMarkdownView.contentHash,
        "generator": \ToolkitMarkdownView.generator,
        "introduction": \ToolkitMarkdownView.introduction,
        "levels": \ToolkitMarkdownView.levels,
        "themes": \ToolkitMarkdownView.themes,
        "retired": \ToolkitMarkdownView.retired,
        "hasRetired": \ToolkitMarkdownView.hasRetired,
        "isVariant": \ToolkitMarkdownView.isVariant,
        "variantLead": \ToolkitMarkdownView.variantLead,
        "exclusions": \ToolkitMarkdownView.exclusions,
        "hasExclusions": \ToolkitMarkdownView.hasExclusions,
        "changedTexts": \ToolkitMarkdownView.changedTexts,
        "hasChangedTexts": \ToolkitMarkdownView.hasChangedTexts,
        "additions": \ToolkitMarkdownView.additions,
        "hasAdditions": \ToolkitMarkdownView.hasAdditions,
        "priorities": \ToolkitMarkdownView.priorities,
        "hasPriorities": \ToolkitMarkdownView.hasPriorities,
        "priorityExplanation": \ToolkitMarkdownView.priorityExplanation,
    ]
}

extension ToolkitMarkdownView.Level: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Level>] = [
        "name": \ToolkitMarkdownView.Level.name,
        "summary": \ToolkitMarkdownView.Level.summary,
    ]
}

extension ToolkitMarkdownView.Row: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Row>] = [
        "title": \ToolkitMarkdownView.Row.title,
        "cells": \ToolkitMarkdownView.Row.cells,
    ]
}

extension ToolkitMarkdownView.Cell: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Cell>] = [
        "text": \ToolkitMarkdownView.Cell.text,
    ]
}

extension ToolkitMarkdownView.KeyArea: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.KeyArea>] = [
        "id": \ToolkitMarkdownView.KeyArea.id,
        "title": \ToolkitMarkdownView.KeyArea.title,
        "kind": \ToolkitMarkdownView.KeyArea.kind,
        "description": \ToolkitMarkdownView.KeyArea.description,
        "whatItIs": \ToolkitMarkdownView.KeyArea.whatItIs,
        "whyItIsImportant": \ToolkitMarkdownView.KeyArea.whyItIsImportant,
        "rows": \ToolkitMarkdownView.KeyArea.rows,
        "origin": \ToolkitMarkdownView.KeyArea.origin,
        "hasOrigin": \ToolkitMarkdownView.KeyArea.hasOrigin,
        "priority": \ToolkitMarkdownView.KeyArea.priority,
        "hasPriority": \ToolkitMarkdownView.KeyArea.hasPriority,
    ]
}

extension ToolkitMarkdownView.Line: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Line>] = [
        "text": \ToolkitMarkdownView.Line.text,
    ]
}

extension ToolkitMarkdownView.Changed: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Changed>] = [
        "heading": \ToolkitMarkdownView.Changed.heading,
        "layer": \ToolkitMarkdownView.Changed.layer,
        "now": \ToolkitMarkdownView.Changed.now,
        "replaced": \ToolkitMarkdownView.Changed.replaced,
    ]
}

extension ToolkitMarkdownView.Theme: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Theme>] = [
        "title": \ToolkitMarkdownView.Theme.title,
        "description": \ToolkitMarkdownView.Theme.description,
        "keyAreas": \ToolkitMarkdownView.Theme.keyAreas,
    ]
}

extension ToolkitMarkdownView.Retired: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ToolkitMarkdownView.Retired>] = [
        "title": \ToolkitMarkdownView.Retired.title,
        "retiredIn": \ToolkitMarkdownView.Retired.retiredIn,
    ]
}

extension VariantPresentation.Difference: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<VariantPresentation.Difference>] = [
        "name": \VariantPresentation.Difference.name,
        "detail": \VariantPresentation.Difference.detail,
        "layer": \VariantPresentation.Difference.layer,
    ]
}

extension ElementName: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ElementName>] = [
        "title": \ElementName.title,
        "href": \ElementName.href,
        "hasLink": \ElementName.hasLink,
        "isIndicator": \ElementName.isIndicator,
        "keyAreaTitle": \ElementName.keyAreaTitle,
        "keyAreaHref": \ElementName.keyAreaHref,
        "hasKeyAreaLink": \ElementName.hasKeyAreaLink,
    ]
}

extension VariantPresentation.ChangedText: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<VariantPresentation.ChangedText>] = [
        "name": \VariantPresentation.ChangedText.name,
        "field": \VariantPresentation.ChangedText.field,
        "layer": \VariantPresentation.ChangedText.layer,
        "baseHTML": \VariantPresentation.ChangedText.baseHTML,
        "localHTML": \VariantPresentation.ChangedText.localHTML,
        "baseMarkdown": \VariantPresentation.ChangedText.baseMarkdown,
        "localMarkdown": \VariantPresentation.ChangedText.localMarkdown,
    ]
}

extension VariantsIndexRenderer.Entry: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<VariantsIndexRenderer.Entry>] = [
        "id": \VariantsIndexRenderer.Entry.id,
        "title": \VariantsIndexRenderer.Entry.title,
        "audience": \VariantsIndexRenderer.Entry.audience,
        "organisationType": \VariantsIndexRenderer.Entry.organisationType,
        "base": \VariantsIndexRenderer.Entry.base,
    ]
}

extension VariantsIndexRenderer.View: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<VariantsIndexRenderer.View>] = [
        "baseTitle": \VariantsIndexRenderer.View.baseTitle,
        "baseEdition": \VariantsIndexRenderer.View.baseEdition,
        "generator": \VariantsIndexRenderer.View.generator,
        "variants": \VariantsIndexRenderer.View.variants,
        "linksToNational": \VariantsIndexRenderer.View.linksToNational,
    ]
}

extension DiffReport.Item: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<DiffReport.Item>] = [
        "headline": \DiffReport.Item.headline,
        "old": \DiffReport.Item.old,
        "new": \DiffReport.Item.new,
        "hasTexts": \DiffReport.Item.hasTexts,
        "href": \DiffReport.Item.href,
        "hasLink": \DiffReport.Item.hasLink,
    ]
}

extension DiffReport.Group: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<DiffReport.Group>] = [
        "title": \DiffReport.Group.title,
        "items": \DiffReport.Group.items,
    ]
}

extension DiffReport.Section: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<DiffReport.Section>] = [
        "title": \DiffReport.Section.title,
        "groups": \DiffReport.Section.groups,
    ]
}

extension ReportView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportView>] = [
        "title": \ReportView.title,
        "organisation": \ReportView.organisation,
        "strategyTitle": \ReportView.strategyTitle,
        "edition": \ReportView.edition,
        "contentHash": \ReportView.contentHash,
        "contentHashShort": \ReportView.contentHashShort,
        "generator": \ReportView.generator,
        "accent": \ReportView.accent,
        "summary": \ReportView.summary,
        "hasPrevious": \ReportView.hasPrevious,
        "previousSummary": \ReportView.previousSummary,
        "levels": \ReportView.levels,
        "keyAreas": \ReportView.keyAreas,
        "hasWeights": \ReportView.hasWeights,
        "respondents": \ReportView.respondents,
        "hasSeveralRespondents": \ReportView.hasSeveralRespondents,
        "radarSVG": \ReportView.radarSVG,
        "actions": \ReportView.actions,
        "hasActions": \ReportView.hasActions,
        "variantNote": \ReportView.variantNote,
        "hasVariantNote": \ReportView.hasVariantNote,
        "excluded": \ReportView.excluded,
        "hasExcluded": \ReportView.hasExcluded,
        "unanswered": \ReportView.unanswered,
        "hasUnanswered": \ReportView.hasUnanswered,
        "notes": \ReportView.notes,
        "hasNotes": \ReportView.hasNotes,
        "peerTables": \ReportView.peerTables,
        "hasPeers": \ReportView.hasPeers,
        "peersIntro": \ReportView.peersIntro,
    ]
}

extension ReportKeyAreaView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportKeyAreaView>] = [
        "number": \ReportKeyAreaView.number,
        "id": \ReportKeyAreaView.id,
        "title": \ReportKeyAreaView.title,
        "themeTitle": \ReportKeyAreaView.themeTitle,
        "weight": \ReportKeyAreaView.weight,
        "current": \ReportKeyAreaView.current,
        "target": \ReportKeyAreaView.target,
        "gap": \ReportKeyAreaView.gap,
        "progress": \ReportKeyAreaView.progress,
        "answered": \ReportKeyAreaView.answered,
        "previousCurrent": \ReportKeyAreaView.previousCurrent,
        "change": \ReportKeyAreaView.change,
        "respondentLevels": \ReportKeyAreaView.respondentLevels,
        "middle": \ReportKeyAreaView.middle,
        "spread": \ReportKeyAreaView.spread,
        "reading": \ReportKeyAreaView.reading,
        "origin": \ReportKeyAreaView.origin,
        "indicators": \ReportKeyAreaView.indicators,
    ]
}

extension ReportCellView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportCellView>] = [
        "text": \ReportCellView.text,
        "label": \ReportCellView.label,
    ]
}

extension ReportRespondentView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportRespondentView>] = [
        "number": \ReportRespondentView.number,
        "label": \ReportRespondentView.label,
        "file": \ReportRespondentView.file,
        "date": \ReportRespondentView.date,
        "round": \ReportRespondentView.round,
        "validation": \ReportRespondentView.validation,
        "stamp": \ReportRespondentView.stamp,
    ]
}

extension ReportActionView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportActionView>] = [
        "keyAreaID": \ReportActionView.keyAreaID,
        "keyAreaTitle": \ReportActionView.keyAreaTitle,
        "indicatorID": \ReportActionView.indicatorID,
        "indicatorTitle": \ReportActionView.indicatorTitle,
        "origin": \ReportActionView.origin,
        "from": \ReportActionView.from,
        "to": \ReportActionView.to,
        "target": \ReportActionView.target,
        "descriptorHTML": \ReportActionView.descriptorHTML,
        "descriptorMarkdown": \ReportActionView.descriptorMarkdown,
        "actions": \ReportActionView.actions,
        "owner": \ReportActionView.owner,
        "reviewDate": \ReportActionView.reviewDate,
        "actionsMarkdown": \ReportActionView.actionsMarkdown,
        "ownerMarkdown": \ReportActionView.ownerMarkdown,
        "reviewDateMarkdown": \ReportActionView.reviewDateMarkdown,
    ]
}

extension ReportIndicatorView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportIndicatorView>] = [
        "id": \ReportIndicatorView.id,
        "title": \ReportIndicatorView.title,
        "current": \ReportIndicatorView.current,
        "target": \ReportIndicatorView.target,
        "origin": \ReportIndicatorView.origin,
        "notes": \ReportIndicatorView.notes,
        "hasNotes": \ReportIndicatorView.hasNotes,
    ]
}

extension ReportNoteView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportNoteView>] = [
        "respondent": \ReportNoteView.respondent,
        "items": \ReportNoteView.items,
    ]
}

extension ReportNoteItemView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportNoteItemView>] = [
        "label": \ReportNoteItemView.label,
        "text": \ReportNoteItemView.text,
        "markdown": \ReportNoteItemView.markdown,
    ]
}

extension ReportExcludedView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportExcludedView>] = [
        "kind": \ReportExcludedView.kind,
        "title": \ReportExcludedView.title,
        "reason": \ReportExcludedView.reason,
        "reasonMarkdown": \ReportExcludedView.reasonMarkdown,
    ]
}

extension ReportUnansweredView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportUnansweredView>] = [
        "keyAreaTitle": \ReportUnansweredView.keyAreaTitle,
        "indicatorID": \ReportUnansweredView.indicatorID,
        "indicatorTitle": \ReportUnansweredView.indicatorTitle,
        "origin": \ReportUnansweredView.origin,
    ]
}

extension BenchmarkView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkView>] = [
        "title": \BenchmarkView.title,
        "strategyTitle": \BenchmarkView.strategyTitle,
        "edition": \BenchmarkView.edition,
        "contentHashShort": \BenchmarkView.contentHashShort,
        "generator": \BenchmarkView.generator,
        "round": \BenchmarkView.round,
        "threshold": \BenchmarkView.threshold,
        "summary": \BenchmarkView.summary,
        "isRegional": \BenchmarkView.isRegional,
        "nationalHref": \BenchmarkView.nationalHref,
        "root": \BenchmarkView.root,
        "regions": \BenchmarkView.regions,
        "hasRegions": \BenchmarkView.hasRegions,
        "notes": \BenchmarkView.notes,
        "hasNotes": \BenchmarkView.hasNotes,
        "overall": \BenchmarkView.overall,
        "keyAreas": \BenchmarkView.keyAreas,
        "heatmap": \BenchmarkView.heatmap,
        "hasHeatmap": \BenchmarkView.hasHeatmap,
        "trends": \BenchmarkView.trends,
        "hasTrends": \BenchmarkView.hasTrends,
    ]
}

extension BenchmarkLinkView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkLinkView>] = [
        "title": \BenchmarkLinkView.title,
        "href": \BenchmarkLinkView.href,
    ]
}

extension BenchmarkKeyAreaView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkKeyAreaView>] = [
        "id": \BenchmarkKeyAreaView.id,
        "title": \BenchmarkKeyAreaView.title,
        "theme": \BenchmarkKeyAreaView.theme,
        "levels": \BenchmarkKeyAreaView.levels,
        "targets": \BenchmarkKeyAreaView.targets,
    ]
}

extension BenchmarkTrendView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkTrendView>] = [
        "earlierRound": \BenchmarkTrendView.earlierRound,
        "cohort": \BenchmarkTrendView.cohort,
        "change": \BenchmarkTrendView.change,
    ]
}

extension BenchmarkTableView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkTableView>] = [
        "id": \BenchmarkTableView.id,
        "caption": \BenchmarkTableView.caption,
        "headers": \BenchmarkTableView.headers,
        "rows": \BenchmarkTableView.rows,
    ]
}

extension BenchmarkRowView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkRowView>] = [
        "label": \BenchmarkRowView.label,
        "cells": \BenchmarkRowView.cells,
    ]
}

extension BenchmarkCellView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<BenchmarkCellView>] = [
        "text": \BenchmarkCellView.text,
        "withheld": \BenchmarkCellView.withheld,
        "band": \BenchmarkCellView.band,
        "heat": \BenchmarkCellView.heat,
    ]
}

extension ReportPeerTableView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportPeerTableView>] = [
        "id": \ReportPeerTableView.id,
        "caption": \ReportPeerTableView.caption,
        "headers": \ReportPeerTableView.headers,
        "rows": \ReportPeerTableView.rows,
    ]
}

extension ReportPeerRowView: TemplateFields {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ReportPeerRowView>] = [
        "title": \ReportPeerRowView.title,
        "cells": \ReportPeerRowView.cells,
    ]
}
