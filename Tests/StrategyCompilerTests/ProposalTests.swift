import Foundation
@testable import StrategyCompiler
import StrategyModel
import Testing

/// Fix-its that propose something must propose the right thing, and edge cases of the text checks.
@Suite struct ProposalTests {
    private func compile(_ edit: (URL) throws -> Void) throws -> (Compilation, String) {
        let root = try TestSupport.copy(fixture: "small")
        let url = root.appendingPathComponent("key-areas/people/councillors.md")
        try edit(url)
        return (try StrategyCompiler().compile(folder: root.path), url.path)
    }

    /// A heading without an id whose title's slug is already an id in the file gets the next free number.
    @Test func proposedIdAvoidsOnesAlreadyInTheFile() throws {
        let (compilation, path) = try compile { url in
            try TestSupport.write(try TestSupport.read(url).replacingOccurrences(
                of: "### Training {#councillors-training}", with: "### Councillors briefings"), to: url)
        }
        let diagnostic = try #require(compilation.diagnostics.first { $0.code == .missingIndicatorID && $0.range.path == path })
        #expect(diagnostic.fixIts.map(\.replacement) == [" {#councillors-briefings-2}"])
    }

    /// The shortest pipe table, a header and its delimiter row, is still a table.
    @Test func twoLineTableIsReported() throws {
        let (compilation, path) = try compile { url in
            try TestSupport.write(try TestSupport.read(url).replacingOccurrences(of: "None.", with: "| a | b |\n|---|---|"), to: url)
        }
        let tables = compilation.diagnostics.filter { $0.code == .unsupportedMarkdown && $0.range.path == path }
        #expect(tables.map(\.range.start.line) == [45])
    }
}
