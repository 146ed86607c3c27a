/// The values the HTML templates see. Templates are logic-less, so every decision (which link is current,
/// what the previous page is, which text is HTML) is made here, in Swift, and the templates only place
/// values. Fields ending in `HTML` hold cmark's safe-mode output and are inserted unescaped (`{{{…}}}`);
/// every other field is escaped by Mustache.
struct PageView: TemplateFields {
    /// The relative path from the page to the site root: "" for the index, "../" for key-area pages.
    var root: String
    var pageTitle: String
    var strategyTitle: String
    var shortTitle: String
    var edition: String
    var publisher: String
    var contentHash: String
    var contentHashShort: String
    var generator: String
    var navigation: [NavigationTheme]
    var breadcrumbs: [Link]
    var hasBreadcrumbs: Bool
    /// Whether the site has a "What changed since …" page (a previous edition is configured).
    var hasChangesPage: Bool
    /// The edition that page compares with (`2018`); empty without one.
    var changesSince: String
    /// Whether the site is a variant's, with a "How this variant differs" page.
    var hasVariantPage: Bool = false
    /// Whether the national site carries its variants, with their index at `variants/index.html`.
    var hasVariantsIndex: Bool = false
    /// A variant's header colour, `#rrggbb` (checked for contrast with white text).
    var accent: String?
    /// A variant's logo, relative to the site root (`assets/logo.svg`); shown beside the title, which
    /// already names the site, so its text alternative is empty.
    var logoPath: String?
}

struct ChangesView: TemplateFields {
    var page: PageView
    var title: String
    var summary: String
    var previousEdition: String
    var sections: [DiffReport.Section]
    var hasChanges: Bool
}

struct Link: TemplateFields {
    var title: String
    var href: String
}

struct NavigationTheme: TemplateFields {
    var id: String
    var title: String
    var href: String
    /// The theme's key areas when it is listed in full (see `SiteNavigation`); empty otherwise.
    var keyAreas: [NavigationKeyArea]
    /// Whether `keyAreas` lists the theme in full. A theme too long for the contents is not listed on
    /// every page: its link leads to its list on the home page, and `keyAreaCount` says how many it has.
    var isListed: Bool
    var keyAreaCount: Int
    /// "key area", "key areas", "enabler" or "enablers", to go with `keyAreaCount`.
    var keyAreaNoun: String
    /// Whether the current page belongs to this theme (marked on the theme when it is not listed).
    var isCurrentTheme: Bool
}

struct NavigationKeyArea: TemplateFields {
    var title: String
    var href: String
    var isCurrent: Bool
}

struct LevelView: TemplateFields {
    var id: String
    var name: String
    var number: Int
    var summary: String
    var hasSummary: Bool
}

struct IndexView: TemplateFields {
    var page: PageView
    var introductionHTML: String
    var levels: [LevelView]
    var levelCount: Int
    var themes: [ThemeView]
    var retired: [RetiredView]
    var hasRetired: Bool
    var keyAreaCount: Int
    var indicatorCount: Int
    var enablerCount: Int
}

struct ThemeView: TemplateFields {
    var id: String
    var title: String
    var isEnablers: Bool
    var descriptionHTML: String
    var keyAreas: [KeyAreaSummaryView]
}

struct KeyAreaSummaryView: TemplateFields {
    var id: String
    var title: String
    var href: String
    var indicatorCount: Int
    var indicatorNoun: String
}

struct RetiredView: TemplateFields {
    var id: String
    var title: String
    /// Where it stood: the theme of a key area, "an indicator of KEY AREA" for an indicator.
    var context: String
    /// The theme's title (kept for templates written before indicators were listed).
    var themeTitle: String
    var since: String
    var hasSince: Bool
    var retiredIn: String
    var replacedBy: [Link]
    var hasReplacement: Bool
}

struct KeyAreaView: TemplateFields {
    var page: PageView
    var id: String
    var title: String
    /// "Key area" or "Enabler".
    var kind: String
    var kindLowercased: String
    var themeTitle: String
    var themeHref: String
    var since: String
    var descriptionHTML: String
    var whatItIsHTML: String?
    var whyItIsImportantHTML: String?
    var hasHelp: Bool
    var table: MaturityTableView
    var previous: Link?
    var next: Link?
    /// In a variant: "Added by …" or "Changed by …"; nil when inherited as it is.
    var origin: String? = nil
    /// In a variant whose override replaced the description: the base text, shown beside it.
    var descriptionBaseHTML: String? = nil
    /// In a variant that prioritises this key area: its weight (with what a weight does) and targets.
    var priority: String = ""
    /// Whether `priority` is set (tested instead of it, for the reason given at `MaturityRowView.hasOrigin`).
    var hasPriority: Bool = false
}

struct MaturityTableView: TemplateFields {
    var id: String
    var caption: String
    var levels: [LevelView]
    var rows: [MaturityRowView]
}

struct MaturityRowView: TemplateFields {
    var id: String
    var title: String
    var cells: [MaturityCellView]
    /// In a variant: where the indicator comes from, when not inherited as it is.
    var origin: String? = nil
    /// Whether `origin` is set. Templates test this, not `origin`: a section on a nil field makes Mustache
    /// look further up, where the key area's own origin would be found and shown on every row.
    var hasOrigin: Bool = false
}

struct MaturityCellView: TemplateFields {
    var levelName: String
    var html: String
    /// In a variant whose override replaced this descriptor: the base text, shown beside it.
    var baseHTML: String? = nil
    /// Whether `baseHTML` is set (tested instead of it, for the reason given at `MaturityRowView.hasOrigin`).
    var hasBaseText: Bool = false
}

/// "How this variant differs": everything a variant changes, with reasons and the base texts.
struct VariantView: TemplateFields {
    var page: PageView
    var title: String
    var audience: String
    var organisationType: String
    var baseTitle: String
    var baseEdition: String
    /// Who publishes the national strategy the variant is built on.
    var basePublisher: String
    var layers: [String]
    var exclusions: [VariantPresentation.Difference]
    var hasExclusions: Bool
    var changedTexts: [VariantPresentation.ChangedText]
    var hasChangedTexts: Bool
    var additions: [VariantPresentation.Difference]
    var hasAdditions: Bool
    var priorities: [VariantPresentation.Difference]
    var hasPriorities: Bool
    /// What a weight, a default target and a minimum target do (`PriorityWording.explanation`).
    var priorityExplanation: String = PriorityWording.explanation
}
