import Foundation
import StrategyModel
import StrategyDiagnostics

/// Renders the peer benchmark: the national report at the top of the folder and one report per region
/// under `regions/<slug>/`, each as HTML (the `benchmark` template), Markdown (`benchmark.md`), CSV and
/// JSON of every published figure. Only figures that came through disclosure control are shown: counts
/// rounded by their cell keys, medians as bands; when a round is too small to publish, each cell says
/// "withheld".
///
/// A region pooled into "Other regions" gets no report of its own: its councils are in the pool's row of
/// the national report. Nothing here reads a clock.
public struct BenchmarkRenderer {
    let templates: TemplateSet
    let stamp: PublicationStamp

    public init(templates: TemplateSet, stamp: PublicationStamp) {
        self.templates = templates
        self.stamp = stamp
    }

    static let withheld = "withheld"

    public func render(_ figures: BenchmarkFigures, strategy: Strategy, reportingTo collector: DiagnosticCollector) -> [OutputFile] {
        let missing = [TemplateSet.Name.benchmark, .benchmarkMarkdown].filter { !templates.has($0) }
        for name in missing {
            collector.report(Diagnostic(.templateMissing, "a benchmark needs a template '\(name.rawValue)': add \(name.rawValue).mustache",
                                        at: SourceRange(at: .wholeFile(name.rawValue + ".mustache"))))
        }
        guard missing.isEmpty else { return [] }
        var files: [OutputFile] = []
        let regionPartition = figures.partitions.firstIndex { $0.name == "region" }
        // A region's folder is the slug of its name ("North West" → north-west): a label never chooses a path.
        let regions: [(group: Int, slug: String, title: String)] = regionPartition.map { p in
            figures.partitions[p].groups.enumerated().filter { !$0.element.pooled }
                .map { ($0.offset, Slug.make(from: $0.element.label), $0.element.label) }.filter { Slug.isValid($0.slug) }
        } ?? []
        func pages(_ folder: String, region: (group: Int, slug: String, title: String)?) {
            let view = Self.view(figures, strategy: strategy, stamp: stamp, region: region.map { ($0.group, $0.title) },
                                 regionLinks: region == nil ? regions.map { BenchmarkLinkView(title: $0.title, href: "regions/\($0.slug)/index.html") } : [])
            files.append(OutputFile(path: folder + "index.html", text: templates.render(.benchmark, reportingTo: collector, view)))
            files.append(OutputFile(path: folder + "benchmark.md", text: templates.render(.benchmarkMarkdown, reportingTo: collector, view)))
            files.append(OutputFile(path: folder + "figures.csv", text: BenchmarkCSV.document(figures, region: region?.group)))
            files.append(OutputFile(path: folder + (region == nil ? "benchmark.json" : "figures.json"),
                                   contents: BenchmarkDocument(figures, strategy: strategy, stamp: stamp, region: region?.group).encoded))
        }
        pages("", region: nil)
        for region in regions {
            pages("regions/\(region.slug)/", region: region)
        }
        return files + templates.assets
    }

    static func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "too few to show"
    }

    static func band(_ value: ProgressBand?) -> String { value?.text ?? "too few to show" }

    static let groupingTitles = ["national": "", "region": "Region", "type": "Type", "basis": "Basis"]

    /// The rows a scope shows: (partition, group) pairs, national first.
    static func scopeRows(_ figures: BenchmarkFigures, region: Int?) -> [(p: Int, g: Int, label: String)] {
        figures.partitions.indices.flatMap { p -> [(p: Int, g: Int, label: String)] in
            let partition = figures.partitions[p]
            if partition.isNational { return [(p, 0, partition.groups[0].label)] }
            if region != nil, partition.name != "region" { return [] }
            return partition.groups.indices.filter { region == nil || $0 == region }.map { g in
                (p, g, "\(groupingTitles[partition.name] ?? partition.name): \(partition.groups[g].label)")
            }
        }
    }

    static func view(_ figures: BenchmarkFigures, strategy: Strategy, stamp: PublicationStamp, region: (group: Int, title: String)?,
                     regionLinks: [BenchmarkLinkView]) -> BenchmarkView {
        let rows = scopeRows(figures, region: region?.group)
        func cell(_ table: ProtectedTable, _ row: Int, _ column: Int) -> BenchmarkCellView {
            let value = table.published(.init(row, column))
            return BenchmarkCellView(text: value.map(String.init) ?? withheld, withheld: value == nil, band: "")
        }
        func countTable(_ id: String, _ caption: String, _ family: DisclosureControl.Family, medians: [[ProgressBand?]]? = nil,
                        medianHeader: String = "Median progress to target") -> BenchmarkTableView {
            var headers = family.categories.map { BenchmarkCellView(text: $0, withheld: false, band: "") }
            headers.append(BenchmarkCellView(text: "Councils", withheld: false, band: ""))
            if medians != nil { headers.append(BenchmarkCellView(text: medianHeader, withheld: false, band: "")) }
            return BenchmarkTableView(id: id, caption: caption, headers: headers, rows: rows.map { row in
                let table = family.tables[row.p]
                var cells = (0...table.totalColumn).map { cell(table, row.g, $0) }
                if let medians { cells.append(BenchmarkCellView(text: band(medians[row.p][row.g]), withheld: medians[row.p][row.g] == nil, band: "")) }
                return BenchmarkRowView(label: row.label, cells: cells)
            })
        }
        let keyAreas = figures.keyAreas.map { area in
            BenchmarkKeyAreaView(
                id: area.id, title: area.title, theme: area.theme,
                levels: countTable("levels-\(area.id)", "\(area.title): councils by the level reached", area.levels),
                targets: countTable("targets-\(area.id)", "\(area.title): councils against their own targets", area.targets,
                                    medians: area.progress))
        }
        // The heatmap: each region's share of councils meeting their own target, key area by key area.
        var heatmap = BenchmarkTableView(id: "heatmap", caption: "Share of councils meeting their own target, by region and key area",
                                         headers: figures.keyAreas.map { BenchmarkCellView(text: $0.title, withheld: false, band: "") },
                                         rows: [])
        if let p = figures.partitions.firstIndex(where: { $0.name == "region" }), region == nil {
            heatmap.rows = figures.partitions[p].groups.indices.map { g in
                BenchmarkRowView(label: figures.partitions[p].groups[g].label, cells: figures.keyAreas.map { area in
                    let table = area.targets.tables[p]
                    guard let meets = table.published(.init(g, 0)), let size = table.published(.init(g, table.totalColumn)), size > 0 else {
                        return BenchmarkCellView(text: withheld, withheld: true, band: "")
                    }
                    // A count is capped by its group's size, so the share stays at most 100%; the guard stays for safety.
                    let share = min(Double(meets) / Double(size), 1)
                    return BenchmarkCellView(text: "\(meets) of \(size) (\(percent(share)))", withheld: false,
                                             band: String(Int((share * 4).rounded())))
                })
            }
        }
        let overall = BenchmarkTableView(
            id: "overall", caption: "Median progress to target over every key area", headers: [
                BenchmarkCellView(text: "Councils", withheld: false, band: ""),
                BenchmarkCellView(text: "Median progress to target", withheld: false, band: ""),
            ],
            rows: rows.map { row in
                let size = figures.keyAreas.first.map { cell($0.levels.tables[row.p], row.g, $0.levels.tables[row.p].totalColumn) }
                    ?? BenchmarkCellView(text: withheld, withheld: true, band: "")
                let median = figures.overall[row.p][row.g]
                return BenchmarkRowView(label: row.label, cells: [size, BenchmarkCellView(text: band(median), withheld: median == nil, band: "")])
            })
        // The change table is of the report's own scope: every council nationally, the region's in a regional report.
        let scope = region == nil ? rows[0] : (rows.first { figures.partitions[$0.p].name == "region" } ?? rows[0])
        let trends = figures.trends.map { trend in
            var cohort = countTable("cohort-\(trend.earlierRound)", "Councils of round \(figures.round) that also answered round \(trend.earlierRound)",
                                    trend.cohort)
            for (index, row) in rows.enumerated() {
                cohort.rows[index].cells.append(BenchmarkCellView(text: band(trend.overallThen[row.p][row.g]), withheld: trend.overallThen[row.p][row.g] == nil, band: ""))
                cohort.rows[index].cells.append(BenchmarkCellView(text: band(trend.overallNow[row.p][row.g]), withheld: trend.overallNow[row.p][row.g] == nil, band: ""))
            }
            cohort.headers += [BenchmarkCellView(text: "Median progress in \(trend.earlierRound)", withheld: false, band: ""),
                               BenchmarkCellView(text: "Median progress in \(figures.round)", withheld: false, band: "")]
            let change = BenchmarkTableView(
                id: "change-\(trend.earlierRound)",
                caption: "\(scope.label): change in level since round \(trend.earlierRound), by key area",
                headers: (BenchmarkFigures.trendCategories + ["Councils"]).map { BenchmarkCellView(text: $0, withheld: false, band: "") },
                rows: zip(figures.keyAreas, trend.keyAreas).map { area, change in
                    let table = change.family.tables[scope.p]
                    return BenchmarkRowView(label: area.title, cells: (0...table.totalColumn).map { cell(table, scope.g, $0) })
                })
            return BenchmarkTrendView(earlierRound: trend.earlierRound, cohort: cohort, change: change)
        }
        let published = figures.councilCount >= figures.threshold
        let scopeTitle = region.map { "\($0.title): " } ?? ""
        return BenchmarkView(
            title: "\(scopeTitle)Peer benchmark, round \(figures.round)", strategyTitle: strategy.title, edition: strategy.edition,
            contentHashShort: String(stamp.hash.hex.prefix(12)), generator: stamp.generator, round: figures.round,
            threshold: figures.threshold,
            summary: published
                ? "\(figures.councilCount) councils answered round \(figures.round). So that no council's answers can be worked out, every count of councils here, in the notes too, is rounded to a multiple of \(figures.threshold) (at random, up or down, unless it is one already) and now and then moved a further \(figures.threshold) or more, never below 0 or above what the group's size allows: a 0 may stand for several councils, rows need not add up to the councils in the group, and any one figure is a guide, not an exact count. Medians are given as the tenth they fall in, and only for groups of at least \(2 * figures.threshold) councils."
                : "Too few councils answered round \(figures.round) for any figure to be published.",
            isRegional: region != nil, nationalHref: region == nil ? "index.html" : "../../index.html",
            root: region == nil ? "" : "../../",
            regions: regionLinks, hasRegions: !regionLinks.isEmpty, notes: figures.notes, hasNotes: !figures.notes.isEmpty,
            overall: overall, keyAreas: keyAreas, heatmap: heatmap, hasHeatmap: !heatmap.rows.isEmpty,
            trends: trends, hasTrends: !trends.isEmpty)
    }
}

/// `figures.csv`: one line per published figure (and per withheld one, marked so), for spreadsheets.
enum BenchmarkCSV {
    static let header = ["round", "measure", "key_area", "earlier_round", "grouping", "group", "category", "value", "status"]

    static func document(_ figures: BenchmarkFigures, region: Int?) -> String {
        var lines = [header.joined(separator: ",")]
        let rows = BenchmarkRenderer.scopeRows(figures, region: region)
        func add(_ fields: [String]) { lines.append(fields.map(CSVField.escaped).joined(separator: ",")) }
        func family(_ measure: String, _ keyArea: String, _ earlier: String, _ family: DisclosureControl.Family) {
            for row in rows {
                let table = family.tables[row.p]
                for column in 0...table.totalColumn {
                    let value = table.published(.init(row.g, column))
                    add([figures.round, measure, keyArea, earlier, figures.partitions[row.p].name, table.groups[row.g],
                         column == table.totalColumn ? "Councils" : table.categories[column],
                         value.map(String.init) ?? "", value == nil ? "withheld" : "published"])
                }
            }
        }
        func medians(_ measure: String, _ keyArea: String, _ earlier: String, _ values: [[ProgressBand?]]) {
            for row in rows {
                let value = values[row.p][row.g]
                add([figures.round, measure, keyArea, earlier, figures.partitions[row.p].name,
                     figures.partitions[row.p].groups[row.g].label, "", value.map { String(format: "%.1f-%.1f", $0.from, $0.to) } ?? "",
                     value == nil ? "too-few" : "published"])
            }
        }
        for area in figures.keyAreas {
            family("level", area.id, "", area.levels)
            family("target", area.id, "", area.targets)
            medians("median-progress", area.id, "", area.progress)
        }
        medians("median-overall-progress", "", "", figures.overall)
        for trend in figures.trends {
            family("cohort", "", trend.earlierRound, trend.cohort)
            for change in trend.keyAreas { family("change", change.id, trend.earlierRound, change.family) }
            medians("median-overall-progress-then", "", trend.earlierRound, trend.overallThen)
            medians("median-overall-progress-now", "", trend.earlierRound, trend.overallNow)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
