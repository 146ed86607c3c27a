import StrategyModel

/// `benchmark.json`: every figure the benchmark publishes (counts rounded, medians as bands, nulls only
/// when a round is too small to publish), for programs and for
/// the council report's "compared to your peers". A regional report's `figures.json` is the same document
/// with only the national rows and that region's.
enum BenchmarkJSON {
    static let format = "strategyc-benchmark-3"

    /// `region`: the one region group to keep (a regional report), or nil for everything.
    static func document(_ figures: BenchmarkFigures, strategy: Strategy, stamp: PublicationStamp,
                         region: Int? = nil) -> JSONValue {
        let partitions = figures.partitions
        func keep(_ p: Int, _ g: Int) -> Bool {
            region == nil || partitions[p].isNational || (partitions[p].name == "region" && g == region)
        }
        func keptPartitions() -> [Int] {
            partitions.indices.filter { region == nil || partitions[$0].isNational || partitions[$0].name == "region" }
        }
        func count(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
        func family(_ family: DisclosureControl.Family) -> JSONValue {
            .object([
                "categories": .array(family.categories.map(JSONValue.string)),
                "tables": .array(keptPartitions().map { p in
                    let table = family.tables[p]
                    return .object([
                        "grouping": .string(partitions[p].name),
                        "rows": .array(table.groups.indices.filter { keep(p, $0) }.map { g in
                            .object([
                                "group": .string(table.groups[g]),
                                "counts": .array(table.categories.indices.map { count(table.published(.init(g, $0))) }),
                                "size": count(table.published(.init(g, table.totalColumn))),
                            ])
                        }),
                        "totals": .array(table.categories.indices.map { count(table.published(.init(table.totalRow, $0))) }),
                        "total": count(table.published(.init(table.totalRow, table.totalColumn))),
                    ])
                }),
            ])
        }
        func band(_ value: ProgressBand?) -> JSONValue {
            value.map { .object(["from": .number($0.from), "to": .number($0.to)]) } ?? .null
        }
        func medians(_ values: [[ProgressBand?]]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: keptPartitions().map { p in
                (partitions[p].name, JSONValue.object(Dictionary(uniqueKeysWithValues: partitions[p].groups.indices
                    .filter { keep(p, $0) }
                    .map { (partitions[p].groups[$0].label, band(values[p][$0])) })))
            }))
        }
        return .object([
            "format": .string(format),
            "round": .string(figures.round),
            "threshold": .int(figures.threshold),
            "rounding": .object(["base": .int(figures.threshold), "method": .string("cell-key random rounding with shifts"),
                                 "shiftOdds": .int(Int(CellKeyRounding.shiftOdds))]),
            "medianMinimum": .int(2 * figures.threshold),
            "strategy": .object(["title": .string(strategy.title), "edition": .string(strategy.edition),
                                 "contentHash": .string(stamp.hash.hex)]),
            "scope": region.map { .string(partitions.first { $0.name == "region" }?.groups[$0].label ?? "") } ?? .string("national"),
            "councils": .int(figures.councilCount >= figures.threshold ? figures.councilCount : 0),
            "levels": .array(figures.levels.map(JSONValue.string)),
            "notes": .array(figures.notes.map(JSONValue.string)),
            "groupings": .array(keptPartitions().map { p in
                .object([
                    "name": .string(partitions[p].name),
                    "groups": .array(partitions[p].groups.indices.filter { keep(p, $0) }.map { g in
                        .object(["label": .string(partitions[p].groups[g].label),
                                 "members": .array(partitions[p].groups[g].members.map(JSONValue.string))])
                    }),
                ])
            }),
            "keyAreas": .array(figures.keyAreas.map { area in
                .object([
                    "id": .string(area.id), "title": .string(area.title), "theme": .string(area.theme),
                    "levels": family(area.levels), "targets": family(area.targets),
                    "medianProgress": medians(area.progress),
                ])
            }),
            "overall": .object(["medianProgress": medians(figures.overall)]),
            "trends": .array(figures.trends.map { trend in
                .object([
                    "earlierRound": .string(trend.earlierRound),
                    "cohort": family(trend.cohort),
                    "keyAreas": .array(trend.keyAreas.map { .object(["id": .string($0.id), "change": family($0.family)]) }),
                    "medianOverallThen": medians(trend.overallThen),
                    "medianOverallNow": medians(trend.overallNow),
                ])
            }),
        ])
    }
}
