import Foundation
import StrategyModel

/// Renders the HTML site and the Markdown toolkit from the model, through the templates.
///
/// Only active key areas are published; retired ones are listed on the index with the edition they were
/// retired in. Pages link to each other with relative paths only, so the site works from `file://` and
/// under any sub-path. Nothing here reads a clock or the environment: the same model and templates give
/// the same bytes.
public struct SiteRenderer {
    let templates: TemplateSet
    let generator: String

    public init(templates: TemplateSet, generator: String) {
        self.templates = templates
        self.generator = generator
    }

    /// Every file of the site: pages, `toolkit.md`, `model.json` and the template assets, and, given the
    /// changes since the previous edition, `changes.html`.
    public func render(_ strategy: Strategy, changes: EditionDiff? = nil, diagnostics: inout [Diagnostic]) -> [OutputFile] {
        let hasChanges = changes != nil
        let modelJSON = ModelJSONRenderer().render(strategy)
        let hash = ContentHash(modelJSON: modelJSON)
        let published = strategy.themes.flatMap(\.activeKeyAreas)
        var files = [OutputFile(path: "model.json", contents: modelJSON)]
        let index = indexView(strategy, hash: hash, hasChanges: hasChanges)
        files.append(OutputFile(path: "index.html", text: templates.render("index", diagnostics: &diagnostics, index)))
        var vocabularyViews: [Any] = [index]
        for (position, area) in published.enumerated() {
            let view = keyAreaView(area, in: strategy, hash: hash, hasChanges: hasChanges,
                                   previous: position > 0 ? published[position - 1] : nil,
                                   next: position + 1 < published.count ? published[position + 1] : nil)
            if position == 0 { vocabularyViews.append(view) }
            files.append(OutputFile(path: Self.pagePath(area), text: templates.render("key-area", diagnostics: &diagnostics, view)))
        }
        let toolkit = ToolkitMarkdownView(strategy, hash: hash, generator: generator)
        vocabularyViews.append(toolkit)
        files.append(OutputFile(path: "toolkit.md", text: templates.render("toolkit.md", diagnostics: &diagnostics, toolkit)))
        let changesPage = page(strategy, hash: hash, title: "What changed in this edition", root: "", current: nil,
                               breadcrumbs: [Link(title: "Home", href: "index.html")], hasChanges: true)
        if let changes {
            let report = DiffReport(changes)
            let view = ChangesView(
                page: changesPage, title: report.title, summary: report.summary, previousEdition: changes.oldEdition,
                sections: report.sections, hasChanges: !report.isEmpty)
            vocabularyViews.append(view)
            files.append(OutputFile(path: "changes.html", text: templates.render("changes", diagnostics: &diagnostics, view)))
        } else {
            // The changes template is checked even when this edition has no previous one.
            vocabularyViews.append(ChangesView(page: changesPage, title: "", summary: "", previousEdition: "",
                                               sections: [.sample], hasChanges: true))
        }
        diagnostics += TemplateFieldCheck(known: TemplateVocabulary.fields(of: vocabularyViews)).check(templates)
        files += templates.assets
        return files
    }

    /// Where a key area's page is written. Ids are slugs (checked when the model was built, and again by
    /// `OutputFile`), so the path cannot leave the output folder.
    static func pagePath(_ area: KeyArea) -> String { "key-areas/\(area.id).html" }

    // MARK: - Views

    private func page(_ strategy: Strategy, hash: ContentHash, title: String, root: String, current: String?,
                      breadcrumbs: [Link], hasChanges: Bool) -> PageView {
        PageView(
            root: root, pageTitle: title, strategyTitle: strategy.title,
            shortTitle: strategy.shortTitle ?? strategy.title, edition: strategy.edition,
            publisher: strategy.publisher, contentHash: hash.hex, contentHashShort: hash.short, generator: generator,
            navigation: strategy.themes.filter { !$0.activeKeyAreas.isEmpty }.map { theme in
                NavigationTheme(
                    id: theme.id, title: theme.title, href: "\(root)index.html#theme-\(theme.id)",
                    keyAreas: theme.activeKeyAreas.map {
                        NavigationKeyArea(title: $0.title, href: root + Self.pagePath($0), isCurrent: $0.id == current)
                    })
            },
            breadcrumbs: breadcrumbs, hasBreadcrumbs: !breadcrumbs.isEmpty, hasChangesPage: hasChanges)
    }

    private func levels(_ strategy: Strategy) -> [LevelView] {
        strategy.levels.enumerated().map { index, level in
            LevelView(id: level.id, name: level.name, number: index + 1, summary: level.summary ?? "",
                      hasSummary: level.summary != nil)
        }
    }

    private func indexView(_ strategy: Strategy, hash: ContentHash, hasChanges: Bool) -> IndexView {
        let themes = strategy.themes.filter { !$0.activeKeyAreas.isEmpty }.map { theme in
            ThemeView(
                id: theme.id, title: theme.title, isEnablers: theme.kind == .enablers,
                descriptionHTML: theme.description.html,
                keyAreas: theme.activeKeyAreas.map {
                    KeyAreaSummaryView(id: $0.id, title: $0.title, href: Self.pagePath($0),
                                       indicatorCount: $0.activeIndicators.count,
                                       indicatorNoun: $0.activeIndicators.count == 1 ? "indicator" : "indicators")
                })
        }
        let active = strategy.allKeyAreas.filter { $0.status == .active }
        let titles = Dictionary(strategy.allKeyAreas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let retired = strategy.themes.flatMap { theme in
            theme.keyAreas.filter { $0.status == .retired }.map { area in
                RetiredView(
                    id: area.id, title: area.title, themeTitle: theme.title, since: area.since,
                    retiredIn: area.retiredIn ?? "an earlier edition",
                    replacedBy: area.replacedBy.compactMap { id in
                        titles[id].flatMap { $0.status == .active ? Link(title: $0.title, href: Self.pagePath($0)) : nil }
                    },
                    hasReplacement: area.replacedBy.contains { titles[$0]?.status == .active })
            }
        }
        let enablerIDs = Set(strategy.themes.filter { $0.kind == .enablers }.flatMap(\.keyAreas).map(\.id))
        return IndexView(
            page: page(strategy, hash: hash, title: strategy.shortTitle ?? strategy.title, root: "", current: nil,
                       breadcrumbs: [], hasChanges: hasChanges),
            introductionHTML: strategy.introduction.html, levels: levels(strategy), levelCount: strategy.levels.count,
            themes: themes, retired: retired, hasRetired: !retired.isEmpty,
            keyAreaCount: active.filter { !enablerIDs.contains($0.id) }.count,
            indicatorCount: active.filter { !enablerIDs.contains($0.id) }.flatMap(\.activeIndicators).count,
            enablerCount: active.filter { enablerIDs.contains($0.id) }.count)
    }

    private func keyAreaView(_ area: KeyArea, in strategy: Strategy, hash: ContentHash, hasChanges: Bool,
                             previous: KeyArea?, next: KeyArea?) -> KeyAreaView {
        let theme = strategy.themes.first { $0.id == area.themeID }
        let themeHref = "../index.html#theme-\(area.themeID)"
        let breadcrumbs = [
            Link(title: "Home", href: "../index.html"),
            Link(title: theme?.title ?? area.themeID, href: themeHref),
        ]
        let levelViews = levels(strategy)
        let rows = area.activeIndicators.map { indicator in
            MaturityRowView(
                id: indicator.id, title: indicator.title,
                cells: strategy.levels.map { level in
                    MaturityCellView(levelName: level.name, html: indicator.descriptor(for: level.id)?.text.html ?? "")
                })
        }
        return KeyAreaView(
            page: page(strategy, hash: hash, title: area.title, root: "../", current: area.id,
                       breadcrumbs: breadcrumbs, hasChanges: hasChanges),
            id: area.id, title: area.title, kind: theme?.kind == .enablers ? "Enabler" : "Key area",
            kindLowercased: theme?.kind == .enablers ? "enabler" : "key area",
            themeTitle: theme?.title ?? area.themeID, themeHref: themeHref, since: area.since,
            descriptionHTML: area.description.html, whatItIsHTML: area.whatItIs?.html,
            whyItIsImportantHTML: area.whyItIsImportant?.html,
            hasHelp: area.whatItIs != nil || area.whyItIsImportant != nil,
            table: MaturityTableView(id: "maturity-\(area.id)", caption: "Maturity levels for \(area.title)",
                                     levels: levelViews, rows: rows),
            previous: previous.map { Link(title: $0.title, href: "\($0.id).html") },
            next: next.map { Link(title: $0.title, href: "\($0.id).html") })
    }
}
