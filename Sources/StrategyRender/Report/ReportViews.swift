/// What the council's report template sees: figures already worded and formatted, so a template never
/// does arithmetic. Every text is escaped by Mustache except `radarSVG` and `descriptorHTML`, which
/// strategyc made (the SVG from numbers and escaped titles, the descriptors through cmark's safe mode).
struct ReportView {
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
    var nextStepGroups: [ReportNextStepGroupView]
    var hasNextSteps: Bool
    var unanswered: [ReportUnansweredView]
    var hasUnanswered: Bool
    var notes: [String]
    var hasNotes: Bool
    /// "Compared to your peers": one table per group the council belongs to, when a benchmark is given.
    var peerTables: [ReportPeerTableView]
    var hasPeers: Bool
    var peersIntro: String
}

/// One group's published figures beside the council's own, key area by key area.
struct ReportPeerTableView {
    var id: String
    var caption: String
    var headers: [ReportCellView]
    var rows: [ReportPeerRowView]
}

struct ReportPeerRowView {
    var title: String
    var cells: [ReportCellView]
}

/// One row of the key-area table (and of the respondents' table).
struct ReportKeyAreaView {
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
}

struct ReportCellView {
    var text: String
}

/// One return, as the report names it.
struct ReportRespondentView {
    var number: Int
    var label: String
    var file: String
    var date: String
    var round: String
    var validation: String
    var stamp: String
}

struct ReportNextStepGroupView {
    var id: String
    var title: String
    var weight: String
    var steps: [ReportNextStepView]
}

struct ReportNextStepView {
    var indicatorTitle: String
    var from: String
    var to: String
    var target: String
    var descriptorHTML: String
    var descriptorText: String
}

struct ReportUnansweredView {
    var keyAreaTitle: String
    var indicatorTitle: String
}
