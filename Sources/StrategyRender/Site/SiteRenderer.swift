import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Renders the HTML site and the Markdown toolkit from the published strategy, through the templates.
///
/// Only what `PublishedStrategy` publishes appears; retired key areas are listed on the index with the
/// edition they were retired in. Pages link to each other with relative paths only, so the site works
/// from `file://` and under any sub-path. Nothing here reads a clock or the environment: the same model
/// and templates give the same bytes.
public struct SiteRenderer {
    let templates: TemplateSet
    let stamp: PublicationStamp

    /// Whether the national site carries its variants, with their index at `variants/index.html`.
    let linksToVariants: Bool

    public init(templates: TemplateSet, stamp: PublicationStamp, linksToVariants: Bool = false) {
        self.linksToVariants = linksToVariants
        self.templates = templates
        self.stamp = stamp
    }

    var generator: String { stamp.generator }
    var hash: ContentHash { stamp.hash }

    /// Every file of the site: pages, `toolkit.md`, `model.json` and the template assets, and, given the
    /// changes since the previous edition, `changes.html`. A template that cannot be rendered is reported to
    /// `collector`; the fields templates name are checked before, by `RuleSubject.templates`.
    ///
    /// For a variant, `variant` adds each element's origin, the base text beside each override, and
    /// `variant.html`, "How this variant differs".
    public func render(_ published: PublishedStrategy, changes: EditionDiff? = nil, variant: VariantPresentation? = nil,
                       reportingTo collector: DiagnosticCollector) -> [OutputFile] {
        let changesSince = changes?.oldEdition
        let navigation = SiteNavigation(published)
        let areas = published.keyAreas
        var files = [OutputFile(path: "model.json", contents: stamp.modelJSON)]
        let index = indexView(published, navigation: navigation, changesSince: changesSince, variant: variant)
        files.append(OutputFile(path: "index.html", text: templates.render(.index, reportingTo: collector, index)))
        // Pages are independent of each other, so they are rendered on every core; each reports into a
        // collector of its own, gathered afterwards in page order.
        let pages = Array(areas.indices).concurrentMap { position in
            let area = areas[position]
            let view = keyAreaView(area, in: published, navigation: navigation, changesSince: changesSince, variant: variant,
                                   previous: position > 0 ? areas[position - 1] : nil,
                                   next: position + 1 < areas.count ? areas[position + 1] : nil)
            let pageCollector = DiagnosticCollector()
            let file = OutputFile(path: Self.pagePath(area), text: templates.render(.keyArea, reportingTo: pageCollector, view))
            return (file, pageCollector.diagnostics)
        }
        for (file, pageDiagnostics) in pages {
            files.append(file)
            collector.report(pageDiagnostics)
        }
        let toolkit = ToolkitMarkdownView(published, stamp: stamp, variant: variant)
        files.append(OutputFile(path: "toolkit.md", text: templates.render(.toolkitMarkdown, reportingTo: collector, toolkit)))
        if let changes {
            let changesPage = page(published, navigation: navigation, title: "What changed since \(changes.oldEdition)",
                                   root: "", current: nil, breadcrumbs: [Link(title: "Home", href: "index.html")],
                                   changesSince: changes.oldEdition)
            let report = DiffReport(changes, href: { Self.href(of: $0, in: published) })
            let view = ChangesView(
                page: changesPage, title: report.title, summary: report.summary, previousEdition: changes.oldEdition,
                sections: report.sections, hasChanges: !report.isEmpty)
            files.append(OutputFile(path: "changes.html", text: templates.render(.changes, reportingTo: collector, view)))
        }
        if let variant {
            let variantPage = page(published, navigation: navigation, title: "How this variant differs", root: "", current: nil,
                                   breadcrumbs: [Link(title: "Home", href: "index.html")], changesSince: changesSince,
                                   variant: variant)
            let view = variantView(variant, page: variantPage)
            if templates.has(.variant) {
                files.append(OutputFile(path: "variant.html", text: templates.render(.variant, reportingTo: collector, view)))
            } else {
                collector.report(Diagnostic(.templateMissing, "a variant's site needs a template 'variant': add variant.mustache",
                                            at: SourceRange(at: .wholeFile("variant.mustache"))))
            }
        }
        files += templates.assets
        if let logo = variant?.logo {  // the variant's own logo wins over a template asset of the same name
            files.removeAll { $0.path == logo.path }
            files.append(logo)
        }
        return files
    }

    /// Where a key area's page is written. Ids are slugs (checked when the model was built, and again by
    /// `OutputFile`), so the path cannot leave the output folder.
    static func pagePath(_ area: KeyArea) -> String { "key-areas/\(area.id).html" }

    /// Where the site shows what a change names, from its root: a key area's page, an indicator's row, a
    /// theme or the levels on the home page, a retired index in the home page's list. Nil for what the
    /// site does not show (the edition itself, an element deleted from the sources).
    static func href(of change: Change, in published: PublishedStrategy) -> String? {
        switch change.subject {
        case .edition:
            return nil
        case .level:
            return published.strategy.levels.contains { $0.id == change.id } ? "index.html#levels" : nil
        case .theme:
            return published.themes.contains { $0.theme.id == change.id } ? "index.html#theme-\(change.id)" : nil
        case .keyArea:
            if let area = published.keyAreas.first(where: { $0.id == change.id }) { return pagePath(area) }
            return published.retiredKeyAreas.contains { $0.keyArea.id == change.id } ? "index.html#retired-\(change.id)" : nil
        case .indicator:
            if let area = published.keyAreas.first(where: { $0.indicators.contains { $0.id == change.id } }) {
                return pagePath(area) + "#" + change.id
            }
            return published.retiredIndicators.contains { $0.indicator.id == change.id } ? "index.html#retired-\(change.id)" : nil
        }
    }

    // MARK: - Views

    private func page(_ published: PublishedStrategy, navigation: SiteNavigation, title: String, root: String, current: String?,
                      breadcrumbs: [Link], changesSince: String?, variant: VariantPresentation? = nil) -> PageView {
        let strategy = published.strategy
        var view = PageView(
            root: root, pageTitle: title, strategyTitle: strategy.title,
            shortTitle: strategy.shortTitle ?? strategy.title, edition: strategy.edition,
            publisher: strategy.publisher, contentHash: hash.hex, contentHashShort: hash.short, generator: generator,
            navigation: navigation.contents(root: root, current: current),
            breadcrumbs: breadcrumbs, hasBreadcrumbs: !breadcrumbs.isEmpty, hasChangesPage: changesSince != nil,
            changesSince: changesSince ?? "")
        view.hasVariantPage = variant != nil
        view.hasVariantsIndex = linksToVariants
        view.accent = variant?.accent
        view.logoPath = variant?.logo?.path
        return view
    }

    private func variantView(_ variant: VariantPresentation, page: PageView) -> VariantView {
        VariantView(
            page: page, title: variant.title, audience: variant.audience, organisationType: variant.organisationType,
            baseTitle: variant.baseTitle, baseEdition: variant.baseEdition, basePublisher: variant.basePublisher,
            layers: variant.layerTitles,
            exclusions: variant.exclusions, hasExclusions: !variant.exclusions.isEmpty,
            changedTexts: variant.changedTexts, hasChangedTexts: !variant.changedTexts.isEmpty,
            additions: variant.additions, hasAdditions: !variant.additions.isEmpty,
            priorities: variant.priorities, hasPriorities: !variant.priorities.isEmpty)
    }

    /// The strategy's levels as pages show them, numbered from 1; the report shows them the same way.
    static func levels(_ strategy: Strategy) -> [LevelView] {
        strategy.levels.enumerated().map { index, level in
            LevelView(id: level.id, name: level.name, number: index + 1, summary: level.summary ?? "",
                      hasSummary: level.summary != nil)
        }
    }

    private func indexView(_ published: PublishedStrategy, navigation: SiteNavigation, changesSince: String?, variant: VariantPresentation?) -> IndexView {
        let strategy = published.strategy
        let themes = published.themes.map { group in
            ThemeView(
                id: group.theme.id, title: group.theme.title, isEnablers: group.isEnablers,
                descriptionHTML: group.theme.description.html,
                keyAreas: group.keyAreas.map {
                    KeyAreaSummaryView(id: $0.id, title: $0.title, href: Self.pagePath($0),
                                       indicatorCount: $0.indicators.count,
                                       indicatorNoun: $0.indicators.count == 1 ? "indicator" : "indicators")
                })
        }
        let byID = Dictionary(strategy.allKeyAreas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let retiredAreas = published.retiredKeyAreas.map { entry in
            let area = entry.keyArea
            let replacements = (area.retirement?.replacementIDs ?? []).compactMap { byID[$0] }.filter { $0.status == .active }
            return RetiredView(
                id: area.id, title: area.title, context: entry.theme.title, themeTitle: entry.theme.title, since: area.since,
                hasSince: true, retiredIn: area.retirement?.edition ?? "an earlier edition",
                replacedBy: replacements.map { Link(title: $0.title, href: Self.pagePath($0)) },
                hasReplacement: !replacements.isEmpty)
        }
        // Retired indicators of published key areas, each replacement linked to its row.
        let indicatorPages = Dictionary(published.keyAreas.flatMap { area in area.indicators.map { ($0.id, (area, $0)) } },
                                        uniquingKeysWith: { first, _ in first })
        let retiredIndicators = published.retiredIndicators.map { entry in
            let replacements = (entry.indicator.retirement?.replacementIDs ?? []).compactMap { indicatorPages[$0] }
            return RetiredView(
                id: entry.indicator.id, title: entry.indicator.title, context: "an indicator of \(entry.keyArea.title)",
                themeTitle: published.theme(of: entry.keyArea)?.title ?? "", since: "", hasSince: false,
                retiredIn: entry.indicator.retirement?.edition ?? "an earlier edition",
                replacedBy: replacements.map { Link(title: "\($0.0.title): \($0.1.title)", href: Self.pagePath($0.0) + "#" + $0.1.id) },
                hasReplacement: !replacements.isEmpty)
        }
        let retired = retiredAreas + retiredIndicators
        let themeAreas = published.themeKeyAreas
        return IndexView(
            page: page(published, navigation: navigation, title: strategy.shortTitle ?? strategy.title, root: "", current: nil,
                       breadcrumbs: [], changesSince: changesSince, variant: variant),
            introductionHTML: strategy.introduction.html, levels: Self.levels(strategy), levelCount: strategy.levels.count,
            themes: themes, retired: retired, hasRetired: !retired.isEmpty,
            keyAreaCount: themeAreas.count,
            indicatorCount: themeAreas.reduce(0) { $0 + $1.indicators.count },
            enablerCount: published.enablers.count)
    }

    private func keyAreaView(_ area: KeyArea, in published: PublishedStrategy, navigation: SiteNavigation, changesSince: String?,
                             variant: VariantPresentation?, previous: KeyArea?, next: KeyArea?) -> KeyAreaView {
        let strategy = published.strategy
        let theme = published.theme(of: area)
        let themeHref = "../index.html#theme-\(area.themeID)"
        let breadcrumbs = [
            Link(title: "Home", href: "../index.html"),
            Link(title: theme?.title ?? area.themeID, href: themeHref),
        ]
        let rows = area.indicators.map { indicator in
            MaturityRowView(
                id: indicator.id, title: indicator.title,
                cells: strategy.levels.map { level in
                    let base = variant?.baseTexts[indicator.id]?[level.id]?.html
                    return MaturityCellView(levelName: level.name, html: indicator.descriptor(for: level.id)?.text.html ?? "",
                                            baseHTML: base, hasBaseText: base != nil)
                },
                origin: variant?.originLabels[indicator.id], hasOrigin: variant?.originLabels[indicator.id] != nil)
        }
        let isEnabler = theme?.kind == .enablers
        var view = KeyAreaView(
            page: page(published, navigation: navigation, title: area.title, root: "../", current: area.id,
                       breadcrumbs: breadcrumbs, changesSince: changesSince, variant: variant),
            id: area.id, title: area.title, kind: isEnabler ? "Enabler" : "Key area",
            kindLowercased: isEnabler ? "enabler" : "key area",
            themeTitle: theme?.title ?? area.themeID, themeHref: themeHref, since: area.since,
            descriptionHTML: area.description.html, whatItIsHTML: area.whatItIs?.html,
            whyItIsImportantHTML: area.whyItIsImportant?.html,
            hasHelp: area.whatItIs != nil || area.whyItIsImportant != nil,
            table: MaturityTableView(id: "maturity-\(area.id)", caption: "Maturity levels for \(area.title)",
                                     levels: Self.levels(strategy), rows: rows),
            previous: previous.map { Link(title: $0.title, href: "\($0.id).html") },
            next: next.map { Link(title: $0.title, href: "\($0.id).html") })
        view.origin = variant?.originLabels[area.id]
        view.descriptionBaseHTML = variant?.baseTexts[area.id]?["description"]?.html
        if let priority = variant?.prioritySentences[area.id] {
            view.priority = priority
            view.hasPriority = true
        }
        return view
    }
}
