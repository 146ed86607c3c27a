import Foundation
import StrategyModel

extension PublicationPipeline {
    /// The groups of `benchmark.json` a council belongs to, by its region and type: nil (reported) when
    /// the file cannot be read, is not a benchmark, or was made against another edition.
    public func peerComparison(_ path: String, edition: String, region: String, type: String) -> PeerComparison? {
        func refuse(_ why: String) -> PeerComparison? {
            collector.report(Diagnostic(.peersUnusable, "'\(path)' cannot be used for the peer comparison: \(why)",
                                        at: SourceRange(at: .wholeFile(path))))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { return refuse("there is no such file") }
        guard data.count < 64 << 20, let document = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              document["format"] as? String == "strategyc-benchmark-3" else {
            return refuse("it is not a benchmark.json written by this `strategyc benchmark` (format strategyc-benchmark-3)")
        }
        let strategy = document["strategy"] as? [String: Any]
        guard let theirs = strategy?["edition"] as? String, theirs == edition else {
            return refuse("it compares edition \((strategy?["edition"] as? String) ?? "unknown"), and this report is of edition \(edition)")
        }
        guard document["scope"] as? String == "national" else {
            return refuse("it is a regional report's figures; give the national benchmark.json")
        }
        let groupings = document["groupings"] as? [[String: Any]] ?? []
        /// The label of the group a value belongs to in a grouping (its own, or the pool it was put in).
        func label(_ grouping: String, _ value: String) -> String? {
            let groups = groupings.first { $0["name"] as? String == grouping }?["groups"] as? [[String: Any]] ?? []
            return groups.first { ($0["members"] as? [String] ?? []).contains(value) }?["label"] as? String
        }
        var wanted: [(grouping: String, group: String, label: String)] = [("national", "All councils", "All councils")]
        if let group = label("region", region) { wanted.append(("region", group, "Region: \(group)")) }
        if let group = label("type", type) { wanted.append(("type", group, "Type: \(group)")) }
        var groups = wanted.map { PeerComparison.Group(label: $0.label, counts: [:], sizes: [:], medianProgress: [:]) }
        var categories: [String] = []
        for area in document["keyAreas"] as? [[String: Any]] ?? [] {
            guard let id = area["id"] as? String, let levels = area["levels"] as? [String: Any] else { continue }
            categories = levels["categories"] as? [String] ?? categories
            let tables = levels["tables"] as? [[String: Any]] ?? []
            let medians = area["medianProgress"] as? [String: Any] ?? [:]
            for (index, want) in wanted.enumerated() {
                let rows = tables.first { $0["grouping"] as? String == want.grouping }?["rows"] as? [[String: Any]] ?? []
                guard let row = rows.first(where: { $0["group"] as? String == want.group }) else { continue }
                groups[index].counts[id] = (row["counts"] as? [Any] ?? []).map { $0 as? Int }
                groups[index].sizes[id] = .some(row["size"] as? Int)
                let band = (medians[want.grouping] as? [String: Any])?[want.group] as? [String: Any]
                groups[index].medianProgress[id] = .some((band?["from"] as? Double).map { ProgressBand(containing: $0) })
            }
        }
        return PeerComparison(round: document["round"] as? String ?? "", threshold: document["threshold"] as? Int ?? 0,
                              categories: categories, groups: groups)
    }
}
