import StrategyDiagnostics
import StrategyModel
/// Every figure the peer benchmark publishes for one round, each already through disclosure control:
/// counts in protected families, medians only where enough councils give one.
public struct BenchmarkFigures: Sendable {
    public struct KeyAreaFigures: Sendable {
        public var id: String
        public var title: String
        public var theme: String
        /// Councils by the level reached (the strategy's levels, then "Not rated").
        public var levels: DisclosureControl.Family
        /// Councils meeting their own target, below it, or without both levels.
        public var targets: DisclosureControl.Family
        /// By partition, by group: the median progress to target.
        public var progress: [[ProgressBand?]]
    }

    public struct Trend: Sendable {
        public var earlierRound: String
        /// This round's councils that also answered the earlier round, and those that did not.
        public var cohort: DisclosureControl.Family
        /// By key area (in toolkit order): councils whose level rose, held, fell, or cannot be compared.
        public var keyAreas: [(id: String, family: DisclosureControl.Family)]
        /// By partition, by group: the median overall progress of the councils that answered both rounds,
        /// then and now.
        public var overallThen: [[ProgressBand?]]
        public var overallNow: [[ProgressBand?]]
    }

    public static let notRated = "Not rated"
    public static let targetCategories = ["Meets its target", "Below its target", "No target or not rated"]
    public static let cohortCategories = ["Answered both rounds", "Only this round"]
    public static let trendCategories = ["Improved", "Unchanged", "Declined", "Not comparable"]

    public var round: String
    public var threshold: Int
    /// The level names, lowest first.
    public var levels: [String]
    /// National first; a grouping with too few councils to split is left out (see `notes`).
    public var partitions: [Partition]
    public var councilCount: Int
    public var keyAreas: [KeyAreaFigures]
    /// By partition, by group: the median overall progress.
    public var overall: [[ProgressBand?]]
    public var trends: [Trend]
    /// What was left out or carried across editions, and why: said in every report.
    public var notes: [String]

    /// `rounds` maps each round to its councils; figures are for `round`, trends against every earlier one.
    /// `regions` and `types` give the order groups are listed in.
    public init(round: String, rounds: [String: [PeerCouncil]], published: PublishedStrategy, regions: [String],
                types: [String], control: DisclosureControl, notes: [String] = []) {
        self.round = round
        threshold = control.threshold
        let levelNames = published.strategy.levels.map(\.name)
        levels = levelNames
        self.notes = notes
        let councils = rounds[round] ?? []
        councilCount = councils.count
        let levelCount = levelNames.count

        var found = [Partition.national("All councils")]
        let candidates = [
            Partition(name: "region", values: councils.map(\.region), order: regions, otherLabel: "Other regions",
                      threshold: control.threshold),
            Partition(name: "type", values: councils.map(\.type), order: types, otherLabel: "Other types",
                      threshold: control.threshold),
            Partition(name: "basis", values: councils.map(\.basis.title), order: StoredReturn.Basis.allCases.map(\.title),
                      otherLabel: "All councils", threshold: control.threshold),
        ]
        for partition in candidates {
            if partition.groups.count > 1 {
                found.append(partition)
            } else if !councils.isEmpty {
                self.notes.append("Councils are not shown by \(partition.name): there are too few in all but one \(partition.name) to show them apart.")
            }
        }
        if councils.count < control.threshold {
            // Nothing is published, not even what the other notes count.
            self.notes = ["Fewer than \(control.threshold) councils answered round \(round): no figure can be published."]
        }
        let partitions = found
        self.partitions = partitions
        func value(_ council: PeerCouncil, _ partition: Partition) -> String {
            switch partition.name {
            case "region": council.region
            case "type": council.type
            case "basis": council.basis.title
            default: ""
            }
        }
        let groups = partitions.map { partition in councils.map { partition.group(of: value($0, partition))! } }
        func medians(_ values: (PeerCouncil) -> Double?, among members: [Bool]? = nil) -> [[ProgressBand?]] {
            partitions.indices.map { p in
                partitions[p].groups.indices.map { g in
                    control.medianBand(councils.indices.filter { groups[p][$0] == g && (members?[$0] ?? true) }
                        .compactMap { values(councils[$0]) })
                }
            }
        }
        func family(_ categories: [String], _ category: (PeerCouncil) -> Int) -> DisclosureControl.Family {
            control.protect(categories: categories, category: councils.map(category), partitions: partitions, groups: groups,
                            recordKeys: councils.map(\.recordKey))
        }

        let keyAreaFigures = published.themes.flatMap { group in
            group.keyAreas.map { area in
                KeyAreaFigures(
                    id: area.id, title: area.title, theme: group.theme.title,
                    levels: family(levelNames + [Self.notRated]) { ($0.levels[area.id] ?? levelCount + 1) - 1 },
                    targets: family(Self.targetCategories) { council in
                        guard let level = council.levels[area.id], let target = council.targets[area.id] else { return 2 }
                        return level >= target ? 0 : 1
                    },
                    progress: medians { $0.progress[area.id] })
            }
        }
        keyAreas = keyAreaFigures
        overall = medians(\.overall)

        trends = rounds.keys.filter { $0 < round }.sorted().reversed().map { earlier in
            let before = Dictionary((rounds[earlier] ?? []).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let answeredBoth = councils.map { before[$0.key] != nil }
            return Trend(
                earlierRound: earlier,
                cohort: family(Self.cohortCategories) { before[$0.key] == nil ? 1 : 0 },
                keyAreas: published.themes.flatMap(\.keyAreas).map { area in
                    (area.id, family(Self.trendCategories) { council in
                        guard let now = council.levels[area.id], let then = before[council.key]?.levels[area.id] else { return 3 }
                        return now > then ? 0 : now == then ? 1 : 2
                    })
                },
                overallThen: medians({ before[$0.key]?.overall }, among: answeredBoth),
                overallNow: medians(\.overall, among: answeredBoth))
        }
    }
}
