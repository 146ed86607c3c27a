import StrategyModel

/// Councils grouped for comparison (by region, by type, by basis), small groups pooled so that every
/// group published counts at least the threshold.
///
/// Groups smaller than the threshold are pooled into one "other" group; when that pool is itself too
/// small, the smallest of the remaining groups join it until it is not. When everything would end in the
/// pool, the grouping is not published at all (it would only repeat the national figures).
public struct Partition: Sendable {
    public struct Group: Sendable {
        /// As published: a region's name, or "Other regions".
        public var label: String
        /// The values (regions, types) the group stands for.
        public var members: [String]
        public var pooled: Bool { members.count > 1 }
    }

    /// `region`, `type`, `basis`, or `national` for the one group of every council.
    public var name: String
    public var groups: [Group]
    /// By member value: the group index.
    private var groupOf: [String: Int]

    public func group(of value: String) -> Int? { isNational ? 0 : groupOf[value] }

    /// `values` gives each council's value (its region...); `order` the order groups are listed in.
    public init(name: String, values: [String], order: [String], otherLabel: String, threshold: Int) {
        self.name = name
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let known = order.filter { counts[$0] != nil } + counts.keys.filter { !order.contains($0) }.sorted()
        var kept = known.filter { counts[$0]! >= threshold }
        var pool = known.filter { counts[$0]! < threshold }
        func size(_ members: [String]) -> Int { members.reduce(0) { $0 + counts[$1]! } }
        if !pool.isEmpty {
            while size(pool) < threshold, let smallest = kept.min(by: { (counts[$0]!, known.firstIndex(of: $0)!) < (counts[$1]!, known.firstIndex(of: $1)!) }) {
                kept.removeAll { $0 == smallest }
                pool.append(smallest)
            }
        }
        var groups = kept.map { Group(label: $0, members: [$0]) }
        if kept.isEmpty {
            groups = []
        } else if !pool.isEmpty {
            groups.append(Group(label: otherLabel, members: known.filter(pool.contains)))
        }
        self.groups = groups
        var groupOf: [String: Int] = [:]
        for (index, group) in groups.enumerated() {
            for member in group.members { groupOf[member] = index }
        }
        self.groupOf = groupOf
    }

    /// Every council in one group.
    public static func national(_ label: String) -> Partition {
        var partition = Partition(name: "national", values: [], order: [], otherLabel: label, threshold: 1)
        partition.groups = [Group(label: label, members: [])]
        return partition
    }

    public var isNational: Bool { name == "national" }
}
