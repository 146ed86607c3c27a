import Foundation
import StrategyModel
import StrategyRender
import Testing
import StrategyDiagnostics

/// benchmark.json written by the benchmark renderer and read back by the peer comparison: one type, so
/// what is written is what is read, withheld figures stay withheld, and nothing is lost on the way.
@Suite struct BenchmarkDocumentTests {
    /// 23 councils: North West 12, London 8 and North East 3 (pooled with London), two types.
    static func councils(_ strategy: Strategy) -> [PeerCouncil] {
        let areas = PublishedStrategy(strategy).themes.flatMap(\.keyAreas).map(\.id)
        let levels = strategy.levels.count
        let regions = Array(repeating: "North West", count: 12) + Array(repeating: "London", count: 8)
            + Array(repeating: "North East", count: 3)
        return regions.enumerated().map { index, region in
            PeerCouncil(key: "council-\(index)", name: "Council \(index)", type: index % 3 == 0 ? "County council" : "District council",
                        region: region, basis: index % 2 == 0 ? .validated : .selfAssessed,
                        levels: Dictionary(uniqueKeysWithValues: areas.map { ($0, 1 + index % levels) }),
                        targets: Dictionary(uniqueKeysWithValues: areas.map { ($0, levels) }),
                        progress: Dictionary(uniqueKeysWithValues: areas.map { ($0, Double(index % levels) / Double(levels)) }),
                        overall: Double(index % levels) / Double(levels), recordKey: UInt32(index * 7_919 + 13))
        }
    }

    static func written(_ councils: [PeerCouncil], strategy: Strategy) throws -> (BenchmarkFigures, Data) {
        let figures = BenchmarkFigures(round: "2026", rounds: ["2026": councils], published: PublishedStrategy(strategy),
                                       regions: ["North West", "London", "North East"],
                                       types: ["County council", "District council"], control: DisclosureControl(threshold: 5))
        let collector = DiagnosticCollector()
        let files = BenchmarkRenderer(templates: try RenderSupport.templateSet(), stamp: RenderSupport.stamp(strategy))
            .render(figures, strategy: strategy, reportingTo: collector)
        #expect(collector.diagnostics.isEmpty)
        return (figures, try #require(files.first { $0.path == "benchmark.json" }).contents)
    }

    @Test func whatIsWrittenIsReadBackWhole() throws {
        let strategy = try RenderSupport.model()
        let (figures, bytes) = try Self.written(Self.councils(strategy), strategy: strategy)
        let document = try BenchmarkDocument.read(bytes)
        #expect(document.encoded == bytes)
        #expect(document.format == "strategyc-benchmark-3")
        #expect(document.councils == 23)
        #expect(document.groupings.map(\.name) == ["national", "region", "type", "basis"])
        #expect(document.groupings[1].groups.map(\.label) == ["North West", "Other regions"])
        #expect(document.groupings[1].groups[1].members == ["London", "North East"])

        // A council of the pooled region reads the pool's row, exactly as published.
        let peers = document.peerComparison(region: "North East", type: "County council")
        #expect(peers.groups.map(\.label) == ["All councils", "Region: Other regions", "Type: County council"])
        let area = figures.keyAreas[0]
        let table = area.levels.tables[1]
        #expect(peers.groups[1].counts[area.id] == table.categories.indices.map { table.published(.init(1, $0)) })
        #expect(peers.groups[1].sizes[area.id] == .some(table.published(.init(1, table.totalColumn))))
        #expect(peers.groups[0].medianProgress[area.id] == .some(area.progress[0][0]))
        #expect(peers.categories == figures.levels + ["Not rated"])
    }

    @Test func aRoundTooSmallIsWrittenAsNullsAndReadAsWithheld() throws {
        let strategy = try RenderSupport.model()
        let (_, bytes) = try Self.written(Array(Self.councils(strategy).prefix(3)), strategy: strategy)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"size\" : null"))
        #expect(text.contains("\"total\" : null"))
        let document = try BenchmarkDocument.read(bytes)
        #expect(document.councils == 0)
        #expect(document.encoded == bytes)
        let peers = document.peerComparison(region: "North West", type: "District council")
        let id = try #require(document.keyAreas.first?.id)
        #expect(peers.groups[0].sizes[id] == .some(nil))
        #expect(peers.groups[0].counts[id]?.allSatisfy { $0 == nil } == true)
        #expect(peers.groups[0].medianProgress[id] == .some(nil))
    }

    @Test func anotherFormatIsNotRead() throws {
        let strategy = try RenderSupport.model()
        let (_, bytes) = try Self.written(Self.councils(strategy), strategy: strategy)
        let older = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "strategyc-benchmark-3", with: "strategyc-benchmark-2")
        #expect(throws: BenchmarkDocument.ReadError.notThisFormat) { try BenchmarkDocument.read(Data(older.utf8)) }
        #expect(throws: BenchmarkDocument.ReadError.notThisFormat) { try BenchmarkDocument.read(Data("[1]".utf8)) }
    }
}
