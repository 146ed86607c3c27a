import Foundation
import TestSupport
import Testing

/// A benchmark of a round that publishes, from synthetic returns of fictional councils over two rounds:
/// its notes speak of that round alone, and its change table is of every council, not of a region.
@Suite struct BenchmarkRoundTests {
    /// Twelve councils in two regions and two types answer both rounds at the same levels; two more answer
    /// only 2025; in 2025, and only then, the North West councils answer with the Greener North variant.
    static func plan() -> [[String: Any]] {
        var entries: [[String: Any]] = []
        for number in 1...14 {
            let northWest = number <= 6
            for round in number > 12 ? ["2025"] : ["2025", "2026"] {
                entries.append([
                    "council": String(format: "Synthetic Council %03d", number),
                    "type": northWest ? "District council" : "London borough council",
                    "region": northWest ? "North West" : "London", "round": round,
                    "role": "Head of procurement", "department": "Procurement", "validation": "Self-assessed",
                    "date": "\(round)-03-10", "variant": northWest && round == "2025" ? "greener-north" : NSNull(),
                    "current": number.isMultiple(of: 2) ? "Developing" : "Mature", "target": "Mature",
                ])
            }
        }
        return entries
    }

    @Test func notesAndTheChangeTableAreOfTheRoundReportedAndOfEveryCouncil() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-rounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json")
        try JSONSerialization.data(withJSONObject: Self.plan()).write(to: plan)
        let returns = folder.appendingPathComponent("returns")
        let root = StrategycRunner.packageRoot
        let (status, _) = try ExternalProgram.run(["python3", root.appendingPathComponent("scripts/make_synthetic_returns.py").path,
                                                   StrategycRunner.binary.path, returns.path, "--plan", plan.path, "--quiet"])
        #expect(status == 0)
        let files = try ["2025", "2026"].flatMap { round in
            try FileManager.default.contentsOfDirectory(atPath: returns.appendingPathComponent(round).path).sorted()
                .map { returns.appendingPathComponent(round).appendingPathComponent($0).path }
        }
        #expect(files.count == 26)
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        let added = try StrategycRunner.run(["returns", "add"] + files + ["--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        // The store's secret fixed (a real store draws it at random), so that the figures below are the same
        // on every run: with the shift, a count is now and then published a step or two away, and which
        // counts are depends on the secret (docs/benchmark.md).
        let (keyed, _) = try ExternalProgram.run(["python3", "-c", """
            import hashlib, sqlite3, sys
            with sqlite3.connect(sys.argv[1]) as connection:
                secret = hashlib.sha256(b"BenchmarkRoundTests 1").digest()
                assert connection.execute("UPDATE disclosureKey SET secret = ?", (secret,)).rowcount == 1
            """, store])
        #expect(keyed == 0)
        let out = folder.appendingPathComponent("benchmark")
        let result = try StrategycRunner.run(["benchmark", "--store", store, "--round", "2026", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("benchmark.json"))) as? [String: Any])
        // No return of round 2026 came from a variant, so no note says one did (2025's did).
        #expect(json["notes"] as? [String] == ["Councils are not shown by basis: there are too few in all but one basis to show them apart."])
        // The national change table is every council's, and reads as figures.csv's national row.
        let markdown = try String(contentsOf: out.appendingPathComponent("benchmark.md"), encoding: .utf8)
        let lines = markdown.components(separatedBy: "\n")
        let caption = try #require(lines.firstIndex(of: "All councils: change in level since round 2025, by key area"))
        let row = try #require(lines[caption...].first { $0.hasPrefix("| Engaging councillors |") })
        let csv = try String(contentsOf: out.appendingPathComponent("figures.csv"), encoding: .utf8)
        let national = csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("2026,change,engaging-councillors,2025,national,") }
            .map { $0.components(separatedBy: ",")[7] }
        #expect(national.count == 5)
        #expect(row == "| Engaging councillors | " + national.joined(separator: " | ") + " |")
        // Under any secret every count is a multiple of 5 that twelve councils allow (at most 10: 15 would say
        // all twelve are in the cell); the cohort's size is published as it is.
        #expect(national.dropLast().allSatisfy { ["0", "5", "10"].contains($0) })
        #expect(national.last == "12")
        // Under this secret no count of the row is shifted: twelve councils answered both rounds at the same
        // levels, so none improved, declined or was not comparable, and 12 of 12 unchanged reads 10.
        #expect(national == ["0", "10", "0", "0", "12"])
    }
}
