import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// `benchmark.json`, the one definition of its shape: every figure the benchmark publishes (counts
/// rounded, medians as bands, nulls only where a figure is withheld), written by `strategyc benchmark` and
/// read back for the council report's "compared to your peers". A regional report's `figures.json` is the
/// same document with only the national rows and that region's.
///
/// Writer and reader share this type, so a field cannot be renamed on one side only; a withheld figure is
/// written as `null`, never left out, so a reader can tell "withheld" from "not in this format".
public struct BenchmarkDocument: Codable, Sendable, Equatable {
    /// Bumped when the shape or the protection changes; the reader refuses any other.
    public static let currentFormat = "strategyc-benchmark-3"

    public struct Rounding: Codable, Sendable, Equatable {
        public var base: Int
        public var method: String
        public var shiftOdds: Int
    }

    public struct StrategyStamp: Codable, Sendable, Equatable {
        public var title: String
        public var edition: String
        public var contentHash: String
    }

    public struct Grouping: Codable, Sendable, Equatable {
        public struct Group: Codable, Sendable, Equatable {
            public var label: String
            /// The regions or types the group holds: its own, or those pooled into it.
            public var members: [String]
        }
        public var name: String
        public var groups: [Group]
    }

    public struct Band: Codable, Sendable, Equatable {
        public var from: Double
        public var to: Double
    }

    /// By grouping name, by group label: the band of the median, or nil where too few councils give one.
    public typealias Medians = [String: [String: Band?]]

    /// One protected family of tables: councils by category, once per grouping.
    public struct Family: Codable, Sendable, Equatable {
        public struct Table: Codable, Sendable, Equatable {
            public var grouping: String
            public var rows: [Row]
            public var totals: [Int?]
            public var total: Int?

            enum CodingKeys: String, CodingKey { case grouping, rows, totals, total }

            public func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(grouping, forKey: .grouping)
                try container.encode(rows, forKey: .rows)
                try container.encode(totals, forKey: .totals)
                try container.encode(total, forKey: .total)  // null when withheld, never left out
            }
        }

        public struct Row: Codable, Sendable, Equatable {
            public var group: String
            public var counts: [Int?]
            public var size: Int?

            enum CodingKeys: String, CodingKey { case group, counts, size }

            public func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(group, forKey: .group)
                try container.encode(counts, forKey: .counts)
                try container.encode(size, forKey: .size)  // null when withheld, never left out
            }
        }

        public var categories: [String]
        public var tables: [Table]
    }

    public struct KeyArea: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var theme: String
        public var levels: Family
        public var targets: Family
        public var medianProgress: Medians
    }

    public struct Overall: Codable, Sendable, Equatable {
        public var medianProgress: Medians
    }

    public struct Trend: Codable, Sendable, Equatable {
        public struct KeyAreaChange: Codable, Sendable, Equatable {
            public var id: String
            public var change: Family
        }
        public var earlierRound: String
        public var cohort: Family
        public var keyAreas: [KeyAreaChange]
        public var medianOverallThen: Medians
        public var medianOverallNow: Medians
    }

    public var format: String
    public var round: String
    public var threshold: Int
    public var rounding: Rounding
    public var medianMinimum: Int
    public var strategy: StrategyStamp
    /// "national", or the region a regional report's figures are for.
    public var scope: String
    /// The councils in the round, or 0 when fewer than the threshold answered.
    public var councils: Int
    public var levels: [String]
    public var notes: [String]
    public var groupings: [Grouping]
    public var keyAreas: [KeyArea]
    public var overall: Overall
    public var trends: [Trend]
}

extension BenchmarkDocument {
    /// The document for a round's figures. `region`: the one region group to keep (a regional report), or
    /// nil for everything.
    init(_ figures: BenchmarkFigures, strategy: Strategy, stamp: PublicationStamp, region: Int? = nil) {
        let partitions = figures.partitions
        func keep(_ p: Int, _ g: Int) -> Bool {
            region == nil || partitions[p].isNational || (partitions[p].name == "region" && g == region)
        }
        let keptPartitions = partitions.indices.filter {
            region == nil || partitions[$0].isNational || partitions[$0].name == "region"
        }
        func family(_ family: DisclosureControl.Family) -> Family {
            Family(categories: family.categories, tables: keptPartitions.map { p in
                let table = family.tables[p]
                return Family.Table(
                    grouping: partitions[p].name,
                    rows: table.groups.indices.filter { keep(p, $0) }.map { g in
                        Family.Row(group: table.groups[g],
                                   counts: table.categories.indices.map { table.published(.init(g, $0)) },
                                   size: table.published(.init(g, table.totalColumn)))
                    },
                    totals: table.categories.indices.map { table.published(.init(table.totalRow, $0)) },
                    total: table.published(.init(table.totalRow, table.totalColumn)))
            })
        }
        func medians(_ values: [[ProgressBand?]]) -> Medians {
            Dictionary(uniqueKeysWithValues: keptPartitions.map { p in
                (partitions[p].name, Dictionary(uniqueKeysWithValues: partitions[p].groups.indices
                    .filter { keep(p, $0) }
                    .map { g in (partitions[p].groups[g].label, values[p][g].map { Band(from: $0.from, to: $0.to) }) }))
            })
        }
        self.init(
            format: Self.currentFormat,
            round: figures.round,
            threshold: figures.threshold,
            rounding: Rounding(base: figures.threshold, method: "cell-key random rounding with shifts",
                               shiftOdds: Int(CellKeyRounding.shiftOdds)),
            medianMinimum: 2 * figures.threshold,
            strategy: StrategyStamp(title: strategy.title, edition: strategy.edition, contentHash: stamp.hash.hex),
            scope: region.map { group in partitions.first { $0.name == "region" }?.groups[group].label ?? "" } ?? "national",
            councils: figures.councilCount >= figures.threshold ? figures.councilCount : 0,
            levels: figures.levels,
            notes: figures.notes,
            groupings: keptPartitions.map { p in
                Grouping(name: partitions[p].name, groups: partitions[p].groups.indices.filter { keep(p, $0) }.map { g in
                    Grouping.Group(label: partitions[p].groups[g].label, members: partitions[p].groups[g].members)
                })
            },
            keyAreas: figures.keyAreas.map { area in
                KeyArea(id: area.id, title: area.title, theme: area.theme, levels: family(area.levels),
                        targets: family(area.targets), medianProgress: medians(area.progress))
            },
            overall: Overall(medianProgress: medians(figures.overall)),
            trends: figures.trends.map { trend in
                Trend(earlierRound: trend.earlierRound, cohort: family(trend.cohort),
                      keyAreas: trend.keyAreas.map { Trend.KeyAreaChange(id: $0.id, change: family($0.family)) },
                      medianOverallThen: medians(trend.overallThen), medianOverallNow: medians(trend.overallNow))
            })
    }

    /// The bytes of the file: sorted keys, explicit nulls, a final newline.
    public var encoded: Data { StableJSON.encode(self) }

    /// Why a file cannot be read as a benchmark document.
    public enum ReadError: Error, Equatable {
        /// Not JSON, not this format (an older benchmark's exact figures included), or a field missing.
        case notThisFormat
    }

    /// Reads a file written by `strategyc benchmark`, of this format only.
    public static func read(_ data: Data) throws(ReadError) -> BenchmarkDocument {
        struct FormatProbe: Decodable { var format: String? }
        let decoder = JSONDecoder()
        // The format is checked first, so an older benchmark is refused for what it is, not for a field.
        guard (try? decoder.decode(FormatProbe.self, from: data))?.format == currentFormat,
              let document = try? decoder.decode(BenchmarkDocument.self, from: data) else {
            throw .notThisFormat
        }
        return document
    }

    /// The rows of the groups a council belongs to (nationally, by its region and by its type: its own
    /// group, or the pool it was put in), for the council report's "compared to your peers".
    public func peerComparison(region: String, type: String) -> PeerComparison {
        func label(_ grouping: String, _ value: String) -> String? {
            groupings.first { $0.name == grouping }?.groups.first { $0.members.contains(value) }?.label
        }
        var wanted: [(grouping: String, group: String, label: String)] = [("national", "All councils", "All councils")]
        if let group = label("region", region) { wanted.append(("region", group, "Region: \(group)")) }
        if let group = label("type", type) { wanted.append(("type", group, "Type: \(group)")) }
        var groups = wanted.map { PeerComparison.Group(label: $0.label, counts: [:], sizes: [:], medianProgress: [:]) }
        var categories: [String] = []
        for area in keyAreas {
            categories = area.levels.categories
            for (index, want) in wanted.enumerated() {
                let rows = area.levels.tables.first { $0.grouping == want.grouping }?.rows ?? []
                guard let row = rows.first(where: { $0.group == want.group }) else { continue }
                groups[index].counts[area.id] = row.counts
                groups[index].sizes[area.id] = .some(row.size)
                let band = area.medianProgress[want.grouping]?[want.group] ?? nil
                groups[index].medianProgress[area.id] = .some(band.map { ProgressBand(containing: $0.from) })
            }
        }
        return PeerComparison(round: round, threshold: threshold, categories: categories, groups: groups)
    }
}
