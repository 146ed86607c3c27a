import StrategyDiagnostics
/// What the council's report template sees: figures already worded and formatted, so a template never
/// does arithmetic. Every text is escaped by Mustache except `radarSVG` and `descriptorHTML`, which
/// strategyc made (the SVG from numbers and escaped titles, the descriptors through cmark's safe mode).
struct ReportView: TemplateFields {
    var title: String
    var organisation: String
    var strategyTitle: String
    var edition: String
    var contentHash: String
    var contentHashShort: String
    var generator: String
    var accent: String?
    /// "73% of the way to its targets …"
    var summary: String
    var hasPrevious: Bool
    var previousSummary: String
    var levels: [LevelView]
    var keyAreas: [ReportKeyAreaView]
    var hasWeights: Bool
    var respondents: [ReportRespondentView]
    var hasSeveralRespondents: Bool
    var radarSVG: String
    var unanswered: [ReportUnansweredView]
    var hasUnanswered: Bool
    var notes: [String]
    var hasNotes: Bool
    /// "Compared to your peers": one table per group the council belongs to, when a benchmark is given.
    var peerTables: [ReportPeerTableView]
    var hasPeers: Bool
    var peersIntro: String
    /// The action plan: every gap to target with its next step and what the respondents wrote.
    var actions: [ReportActionView]
    var hasActions: Bool
    /// For a variant: what "local" means in this report, and what the variant left out.
    var variantNote: String
    var hasVariantNote: Bool
    var excluded: [ReportExcludedView]
    var hasExcluded: Bool
}

/// A national element the variant left out, with the layer's reason.
struct ReportExcludedView: TemplateFields {
    var kind: String
    var title: String
    var reason: String
    var reasonMarkdown: String
}

/// One row of the action plan.
struct ReportActionView: TemplateFields {
    var keyAreaID: String
    var keyAreaTitle: String
    var indicatorID: String
    var indicatorTitle: String
    /// "local", "reworded locally", or nil for a national indicator.
    var origin: String?
    var from: String
    var to: String
    var target: String
    var descriptorHTML: String
    var descriptorMarkdown: String
    /// The respondents' texts, "–" when none; the Markdown forms escaped for a table cell.
    var actions: String
    var owner: String
    var reviewDate: String
    var actionsMarkdown: String
    var ownerMarkdown: String
    var reviewDateMarkdown: String
}

/// One indicator in a key area's detail: its combined levels and what each respondent wrote.
struct ReportIndicatorView: TemplateFields {
    var id: String
    var title: String
    var current: String
    var target: String
    var origin: String?
    var notes: [ReportNoteView]
    var hasNotes: Bool
}

/// What one respondent wrote on one indicator's row.
struct ReportNoteView: TemplateFields {
    var respondent: String
    var items: [ReportNoteItemView]
}

/// "Evidence", "Actions", "Owner" or "Review date", with the text as written.
struct ReportNoteItemView: TemplateFields {
    var label: String
    var text: String
    var markdown: String
}

/// One group's published figures beside the council's own, key area by key area.
struct ReportPeerTableView: TemplateFields {
    var id: String
    var caption: String
    var headers: [ReportCellView]
    var rows: [ReportPeerRowView]
}

struct ReportPeerRowView: TemplateFields {
    var title: String
    var cells: [ReportCellView]
}

/// One row of the key-area table (and of the respondents' table).
struct ReportKeyAreaView: TemplateFields {
    var number: Int
    var id: String
    var title: String
    var themeTitle: String
    var weight: String
    var current: String
    var target: String
    var gap: String
    var progress: String
    var answered: String
    var previousCurrent: String
    var change: String
    var respondentLevels: [ReportCellView]
    var middle: String
    var spread: String
    /// The plain-English reading of the figures (docs/assessments.md's rules applied to this area).
    var reading: String
    /// "local key area" for a key area the variant added.
    var origin: String?
    var indicators: [ReportIndicatorView]
}

struct ReportCellView: TemplateFields {
    var text: String
    /// The column's heading, for the cell's label when a narrow screen stacks the table.
    var label = ""
}

/// One return, as the report names it.
struct ReportRespondentView: TemplateFields {
    var number: Int
    var label: String
    var file: String
    var date: String
    var round: String
    var validation: String
    var stamp: String
}

struct ReportUnansweredView: TemplateFields {
    var keyAreaTitle: String
    var indicatorID: String
    var indicatorTitle: String
    var origin: String?
}
