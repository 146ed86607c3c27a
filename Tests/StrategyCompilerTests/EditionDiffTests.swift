import Foundation
@testable import StrategyCompiler
import StrategyModel
import Testing
import StrategyRender

/// The diff follows ids: renames, retirements, moves and rewordings, never "removed plus added".
@Suite struct EditionDiffTests {
    private func model(_ folder: URL) throws -> Strategy {
        let compilation = try StrategyCompiler().compile(folder: folder.path)
        return try #require(compilation.succeeded ? compilation.strategy : nil, "\(compilation.diagnostics)")
    }

    private func fixture(_ name: String) throws -> Strategy {
        try model(TestSupport.fixtures.appendingPathComponent(name))
    }

    private func summary(_ diff: EditionDiff) -> [String] {
        diff.changes.map { change in
            var line = "\(change.kind.rawValue) \(change.subject.rawValue) \(change.id)"
            if case .reworded(let field, _, _, _) = change.what { line += " \(field)" }
            return line
        }
    }

    /// The 2018-style fixture to the 2022-style one: exactly the rename, the added enabler, the added
    /// indicators and the reworded descriptors (and the edition label).
    @Test func from2018To2022() throws {
        let diff = EditionDiff(from: try fixture("edition-2018"), to: try fixture("edition-2022"))
        #expect(summary(diff) == [
            "changed edition edition",
            "renamed key-area creating-social-value",
            "added key-area adding-value",
            "reworded indicator councillors-principle mature",
            "added indicator councillors-champions",
            "reworded indicator social-value-principle developing",
            "reworded indicator social-value-principle leader",
            "added indicator social-value-policy",
            "added indicator adding-value-maturity",
        ])
        let rename = try #require(diff.changes.first { $0.kind == .renamed })
        #expect(rename.what == .renamed(from: "Obtaining social value", to: "Creating social value"))
        let reworded = try #require(diff.changes.first { $0.kind == .reworded })
        #expect(reworded.what == .reworded(field: "mature", fieldName: "Mature",
                                           from: "Councillor involvement improves some projects.",
                                           to: "Councillor involvement is improving results on several projects."))
    }

    @Test func sameSourcesGiveNoChanges() throws {
        let strategy = try fixture("edition-2022")
        #expect(EditionDiff(from: strategy, to: strategy).isEmpty)
    }

    @Test func rewrappingIsNotAChange() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let before = try model(root)
        let url = root.appendingPathComponent("key-areas/people/councillors.md")
        try TestSupport.write(try TestSupport.read(url).replacingOccurrences(of: "How councillors take part.", with: "How councillors\ntake   part."), to: url)
        #expect(EditionDiff(from: before, to: try model(root)).isEmpty)
    }

    @Test func retiringMovingAndRemovingFollowIds() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let before = try model(root)
        let councillors = root.appendingPathComponent("key-areas/people/councillors.md")
        var text = try TestSupport.read(councillors)
        // Retire an indicator in favour of the other, and move the key area to the enablers group.
        text = text.replacingOccurrences(of: "{#councillors-training}", with: "{#councillors-training retired_in=2024 replaced_by=councillors-briefings}")
        text = text.replacingOccurrences(of: "theme: people", with: "theme: enablers")
        try TestSupport.write(text, to: councillors)
        // A second theme so that people keeps a key area (the retired one still counts as its own).
        let data = root.appendingPathComponent("key-areas/enablers/data.md")
        try TestSupport.write(try TestSupport.read(data).replacingOccurrences(of: "status: active", with: "status: retired\nretired_in: 2024\nreplaced_by: councillors"), to: data)
        let diff = EditionDiff(from: before, to: try model(root))
        #expect(summary(diff) == [
            "moved key-area councillors",
            "retired key-area data",
            "retired indicator councillors-training",
        ])
        let retired = try #require(diff.changes.first { $0.subject == .indicator })
        #expect(retired.what == .retired(in: "2024", replacedBy: [.init(id: "councillors-briefings", title: "Briefings", parent: "Working with councillors")]))
    }

    /// Deleting instead of retiring is reported as `removed`, with the old title and place, so the report
    /// can say what to put back.
    @Test func deletedElementsAreReportedAsRemoved() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let before = try model(root)
        let councillors = root.appendingPathComponent("key-areas/people/councillors.md")
        let text = try TestSupport.read(councillors)
        let start = try #require(text.range(of: "### Training {#councillors-training}"))
        try TestSupport.write(String(text[..<start.lowerBound]), to: councillors)
        try FileManager.default.removeItem(at: root.appendingPathComponent("key-areas/enablers/data.md"))
        let diff = EditionDiff(from: before, to: try model(root))
        #expect(diff.changes == [
            Change(.removed(), .keyArea, id: "data", title: "Using data", parent: "Enablers"),
            Change(.removed(), .indicator, id: "councillors-training", title: "Training", parent: "Working with councillors"),
            // A deleted key area's indicators are gone too, and each is listed.
            Change(.removed(), .indicator, id: "data-maturity", title: "Using data", parent: "Using data"),
        ])
    }
}
