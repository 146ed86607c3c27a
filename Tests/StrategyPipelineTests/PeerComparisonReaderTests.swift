import Foundation
import StrategyModel
import StrategyPipeline
import Testing

/// A council report's "compared to your peers" takes the rows of the groups the council belongs to from
/// benchmark.json: its own region, or the pool its region was put in, and its type.
@Suite struct PeerComparisonReaderTests {
    static let document = """
        {"format": "strategyc-benchmark-3", "round": "2026", "threshold": 5, "scope": "national",
         "strategy": {"title": "T", "edition": "2022", "contentHash": "x"},
         "groupings": [
           {"name": "national", "groups": [{"label": "All councils", "members": []}]},
           {"name": "region", "groups": [{"label": "North West", "members": ["North West"]},
                                         {"label": "Other regions", "members": ["London", "North East"]}]},
           {"name": "type", "groups": [{"label": "District council", "members": ["District council"]},
                                       {"label": "Other types", "members": ["County council", "Unitary authority"]}]}],
         "keyAreas": [{"id": "area-a", "levels": {"categories": ["Low", "High", "Not rated"], "tables": [
             {"grouping": "national", "rows": [{"group": "All councils", "counts": [10, 5, 5], "size": 20}]},
             {"grouping": "region", "rows": [{"group": "North West", "counts": [5, 5, 0], "size": 9},
                                             {"group": "Other regions", "counts": [5, 0, 5], "size": 11}]},
             {"grouping": "type", "rows": [{"group": "District council", "counts": [10, 0, 5], "size": 12},
                                           {"group": "Other types", "counts": [5, 5, 0], "size": 8}]}]},
           "medianProgress": {"national": {"All councils": {"from": 0.5, "to": 0.6}},
                              "region": {"North West": null, "Other regions": null},
                              "type": {"District council": {"from": 0.7, "to": 0.8}, "Other types": null}}}]}
        """

    func comparison(region: String, type: String, edition: String = "2022") throws -> (PeerComparison?, [Diagnostic]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("benchmark-\(UUID().uuidString).json")
        try Data(Self.document.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "test"), collector: collector)
        return (pipeline.peerComparison(path.path, edition: edition, region: region, type: type), collector.diagnostics)
    }

    @Test func theCouncilsOwnRegionAndTypeAreFound() throws {
        let (found, diagnostics) = try comparison(region: "North West", type: "District council")
        #expect(diagnostics.isEmpty)
        let peers = try #require(found)
        #expect(peers.categories == ["Low", "High", "Not rated"])
        #expect(peers.groups.map(\.label) == ["All councils", "Region: North West", "Type: District council"])
        #expect(peers.groups[1].counts["area-a"] == [5, 5, 0])
        #expect(peers.groups[1].sizes["area-a"] == 9)
        #expect(peers.groups[0].medianProgress["area-a"] == ProgressBand(lowerTenth: 5))
        #expect(peers.groups[1].medianProgress["area-a"] == .some(nil))
        #expect(peers.groups[2].counts["area-a"] == [10, 0, 5])
        #expect(peers.groups[2].medianProgress["area-a"] == ProgressBand(lowerTenth: 7))
    }

    @Test func aPooledRegionOrTypeIsComparedWithItsPool() throws {
        let (found, _) = try comparison(region: "London", type: "County council")
        let peers = try #require(found)
        #expect(peers.groups.map(\.label) == ["All councils", "Region: Other regions", "Type: Other types"])
        #expect(peers.groups[1].sizes["area-a"] == 11)
        #expect(peers.groups[1].medianProgress["area-a"] == .some(nil))
    }

    @Test func aBenchmarkOfTheEarlierFormatIsRefused() throws {
        // Format 1 published exact counts and medians; a report must not show them as if protected.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("benchmark-\(UUID().uuidString).json")
        try Data(Self.document.replacingOccurrences(of: "strategyc-benchmark-3", with: "strategyc-benchmark-2").utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "test"), collector: collector)
        #expect(pipeline.peerComparison(path.path, edition: "2022", region: "North West", type: "District council") == nil)
        #expect(collector.diagnostics.map(\.code) == [.peersUnusable])
    }

    @Test func anotherEditionIsRefused() throws {
        let (found, diagnostics) = try comparison(region: "North West", type: "District council", edition: "2026")
        #expect(found == nil)
        #expect(diagnostics.map(\.code) == [.peersUnusable])
        #expect(diagnostics.first?.message.hasSuffix("it compares edition 2022, and this report is of edition 2026") == true)
    }
}
