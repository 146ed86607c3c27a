import Foundation
import StrategyModel
import StrategyPipeline
import Testing
import StrategyDiagnostics
import StrategyRender

/// A council report's "compared to your peers" takes the rows of the groups the council belongs to from
/// benchmark.json: its own region, or the pool its region was put in, and its type.
@Suite struct PeerComparisonReaderTests {
    /// A whole document as `strategyc benchmark` writes it (format 3), kept as text so the test pins the
    /// file format as well as the reader.
    static let document = """
        {"format": "strategyc-benchmark-3", "round": "2026", "threshold": 5, "scope": "national",
         "rounding": {"base": 5, "method": "cell-key random rounding with shifts", "shiftOdds": 10},
         "medianMinimum": 10, "councils": 20, "levels": ["Low", "High"], "notes": [],
         "strategy": {"title": "T", "edition": "2022", "contentHash": "x"},
         "groupings": [
           {"name": "national", "groups": [{"label": "All councils", "members": []}]},
           {"name": "region", "groups": [{"label": "North West", "members": ["North West"]},
                                         {"label": "Other regions", "members": ["London", "North East"]}]},
           {"name": "type", "groups": [{"label": "District council", "members": ["District council"]},
                                       {"label": "Other types", "members": ["County council", "Unitary authority"]}]}],
         "keyAreas": [{"id": "area-a", "title": "Area A", "theme": "Theme",
           "levels": {"categories": ["Low", "High", "Not rated"], "tables": [
             {"grouping": "national", "rows": [{"group": "All councils", "counts": [10, 5, 5], "size": 20}],
              "totals": [10, 5, 5], "total": 20},
             {"grouping": "region", "rows": [{"group": "North West", "counts": [5, 5, 0], "size": 9},
                                             {"group": "Other regions", "counts": [5, 0, 5], "size": 11}],
              "totals": [10, 5, 5], "total": 20},
             {"grouping": "type", "rows": [{"group": "District council", "counts": [10, 0, 5], "size": 12},
                                           {"group": "Other types", "counts": [5, 5, 0], "size": null}],
              "totals": [10, 5, 5], "total": null}]},
           "targets": {"categories": ["Meets its target", "Below its target", "No target or not rated"], "tables": []},
           "medianProgress": {"national": {"All councils": {"from": 0.5, "to": 0.6}},
                              "region": {"North West": null, "Other regions": null},
                              "type": {"District council": {"from": 0.7, "to": 0.8}, "Other types": null}}}],
         "overall": {"medianProgress": {"national": {"All councils": null}}},
         "trends": []}
        """

    /// The comparison read from `text` (the whole document, unless a test changes it), with the
    /// diagnostics, which name the file by a path made here.
    func comparison(_ text: String = Self.document, region: String = "North West", type: String = "District council",
                    edition: String = "2022") throws -> (PeerComparison?, [Diagnostic], path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("benchmark-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "test"), collector: collector)
        return (pipeline.peerComparison(path.path, edition: edition, region: region, type: type), collector.diagnostics, path.path)
    }

    @Test func theCouncilsOwnRegionAndTypeAreFound() throws {
        let (found, diagnostics, _) = try comparison()
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
        let (found, _, _) = try comparison(region: "London", type: "County council")
        let peers = try #require(found)
        #expect(peers.groups.map(\.label) == ["All councils", "Region: Other regions", "Type: Other types"])
        #expect(peers.groups[1].sizes["area-a"] == 11)
        #expect(peers.groups[1].medianProgress["area-a"] == .some(nil))
    }

    @Test func aWithheldSizeReadsAsWithheld() throws {
        let (found, _, _) = try comparison(type: "County council")
        let peers = try #require(found)
        #expect(peers.groups[2].label == "Type: Other types")
        #expect(peers.groups[2].sizes["area-a"] == .some(nil))
        #expect(peers.groups[2].counts["area-a"] == [5, 5, 0])
    }

    @Test func aDocumentMissingAFieldIsRefused() throws {
        // Format 3 in name but not in shape: read as a benchmark only when every field is there.
        let (found, diagnostics, path) = try comparison(Self.document.replacingOccurrences(of: "\"medianMinimum\": 10,", with: ""))
        #expect(found == nil)
        #expect(diagnostics.map(\.message) == [
            "'\(path)' cannot be used for the peer comparison: it is not a benchmark.json written by this `strategyc benchmark` (format strategyc-benchmark-3)"])
    }

    @Test func aBenchmarkOfTheEarlierFormatIsRefused() throws {
        // Format 1 published exact counts and medians; a report must not show them as if protected.
        let (found, diagnostics, _) = try comparison(Self.document.replacingOccurrences(of: "strategyc-benchmark-3", with: "strategyc-benchmark-2"))
        #expect(found == nil)
        #expect(diagnostics.map(\.code) == [.peersUnusable])
    }

    @Test func anotherEditionIsRefused() throws {
        let (found, diagnostics, _) = try comparison(edition: "2026")
        #expect(found == nil)
        #expect(diagnostics.map(\.code) == [.peersUnusable])
        #expect(diagnostics.first?.message.hasSuffix("it compares edition 2022, and this report is of edition 2026") == true)
    }
}
