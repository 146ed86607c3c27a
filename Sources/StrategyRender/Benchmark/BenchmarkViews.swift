import StrategyDiagnostics
/// What the benchmark templates see: every figure already worded, withheld cells already marked, so a
/// template never counts. Every text is escaped by Mustache.
struct BenchmarkView: TemplateFields {
    var title: String
    var strategyTitle: String
    var edition: String
    var contentHashShort: String
    var generator: String
    var round: String
    var threshold: Int
    var summary: String
    var isRegional: Bool
    /// From a regional report to the national one ("../../index.html").
    var nationalHref: String
    /// The way back to the folder's top, where the stylesheet is: "" or "../../".
    var root: String
    var regions: [BenchmarkLinkView]
    var hasRegions: Bool
    var notes: [String]
    var hasNotes: Bool
    var overall: BenchmarkTableView
    var keyAreas: [BenchmarkKeyAreaView]
    var heatmap: BenchmarkTableView
    var hasHeatmap: Bool
    var trends: [BenchmarkTrendView]
    var hasTrends: Bool
}

struct BenchmarkLinkView: TemplateFields {
    var title: String
    var href: String
}

struct BenchmarkKeyAreaView: TemplateFields {
    var id: String
    var title: String
    var theme: String
    var levels: BenchmarkTableView
    var targets: BenchmarkTableView
}

struct BenchmarkTrendView: TemplateFields {
    var earlierRound: String
    var cohort: BenchmarkTableView
    var change: BenchmarkTableView
}

/// A table as published: a header row, then rows each led by a header cell.
struct BenchmarkTableView: TemplateFields {
    var id: String
    var caption: String
    var headers: [BenchmarkCellView]
    var rows: [BenchmarkRowView]
}

struct BenchmarkRowView: TemplateFields {
    var label: String
    var cells: [BenchmarkCellView]
}

struct BenchmarkCellView: TemplateFields {
    var text: String
    var withheld: Bool
    /// For the heatmap: a colour band from 0 (none) to 4 (all), or "" for a plain cell.
    var band: String

    /// Whether the cell is coloured (a heatmap cell that is not withheld). Stored, so that the template
    /// field check sees it.
    var heat: Bool

    init(text: String, withheld: Bool, band: String) {
        self.text = text
        self.withheld = withheld
        self.band = band
        heat = !band.isEmpty && !withheld
    }
}
