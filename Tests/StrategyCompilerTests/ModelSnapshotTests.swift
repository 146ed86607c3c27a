import Foundation
@testable import StrategyCompiler
import StrategyModel
import StrategyRender
import Testing

/// Golden files for the model of the small fixture: the tree dump (positions included) and the JSON export.
/// Re-record with `STRATEGYC_RECORD=1 swift test` after an intended change, and review the diff.
@Suite struct ModelSnapshotTests {
    let root = TestSupport.fixtures.appendingPathComponent("small").path

    @Test func smallFixtureCompilesCleanly() throws {
        let compilation = try StrategyCompiler().compile(folder: root)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
        #expect(compilation.succeeded)
    }

    @Test func treeDumpMatchesGolden() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: root).strategy)
        let dump = ModelDumper(root: root).dump(strategy)
        let (matches, expected) = try TestSupport.matchesSnapshot(dump, named: "small.dump")
        #expect(matches, "dump differs from Snapshots/small.dump:\n\(dump)\n--- expected ---\n\(expected)")
    }

    @Test func jsonExportMatchesGolden() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: root).strategy)
        let json = String(decoding: ModelJSONRenderer().render(strategy), as: UTF8.self)
        let (matches, expected) = try TestSupport.matchesSnapshot(json, named: "small.json")
        #expect(matches, "export differs from Snapshots/small.json:\n\(json)\n--- expected ---\n\(expected)")
    }

    @Test func levelsAreDataNotFixedNames() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: root).strategy)
        #expect(strategy.levels.map(\.id) == ["starting", "established", "leading"])
        let indicator = try #require(strategy.allIndicators.first)
        #expect(indicator.descriptors.map(\.levelID) == ["starting", "established", "leading"])
    }

    @Test func descriptorsKeepMarkdownAndRenderSafeHTML() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: root).strategy)
        let established = try #require(strategy.allIndicators.first?.descriptor(for: "established"))
        #expect(established.text.markdown == "Briefings on:\n\n- major projects\n- *key* contracts")
        #expect(established.text.html.contains("<li><em>key</em> contracts</li>"))
        #expect(established.text.plainText == "Briefings on:\n\n• major projects\n• key contracts")
    }

    @Test func retiredKeyAreasStayInTheModel() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: root).strategy)
        let retired = try #require(strategy.allKeyAreas.first { $0.id == "old-practice" })
        #expect(retired.status == .retired)
        let retirement = try #require(retired.retirement)
        #expect(retirement.edition == "2024")
        #expect(retirement.replacementIDs == ["councillors"])
        // Each fact keeps where it is written: `retired_in: 2024` and `replaced_by: [councillors]`.
        #expect(retirement.editionRange?.start.line == 8)
        #expect(retirement.replacedBy.first?.range?.start.line == 9)
        #expect(strategy.themes[0].activeKeyAreas.map(\.id) == ["councillors"])
    }
}
