import Foundation
import Testing

/// Editing the living strategy in a copy of Strategy/ through the binary: what `new` says it wrote, and
/// `diff` of a git revision. The rest of the living-strategy cases (never overwriting, never reusing an id,
/// retiring, renaming, rewording, the diff's headline) run in the test process, in
/// `StrategyPipelineTests.LivingStrategyTests`.
@Suite struct LivingStrategyTests {
    private func copy() throws -> URL { try StrategycRunner.copyOfStrategy() }
    private func cleanUp(_ root: URL) { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    @Test func newKeyAreaPassesCheckWithOnlyPlaceholderWarnings() throws {
        let root = try copy()
        defer { cleanUp(root) }
        let created = try StrategycRunner.run(["new", "key-area", "--strategy", root.path, "--theme", "behaving-commercially",
                                               "--title", "Managing energy costs"])
        #expect(created.status == 0, "\(created.stderr)")
        let path = root.appendingPathComponent("key-areas/behaving-commercially/managing-energy-costs.md").path
        #expect(created.stdout == "wrote \(path): key area 'managing-energy-costs' with indicator 'managing-energy-costs-principle'\n")
        let check = try StrategycRunner.run(["check", root.path])
        #expect(check.status == 0, "\(check.stderr)")
        let lines = check.stderr.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasSuffix("[placeholder-text]") && $0.contains(": warning: ") }, "\(check.stderr)")
        #expect(check.stdout.contains("11 key areas, 63 indicators"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("order: 4") && text.contains("since: 2022") && text.contains("{#managing-energy-costs-principle}"))

        let indicator = try StrategycRunner.run(["new", "indicator", "--strategy", root.path, "--key-area", "managing-energy-costs",
                                                 "--title", "Tendering"])
        #expect(indicator.status == 0, "\(indicator.stderr)")
        // It says the id it chose (for `replaced_by`) and the line the heading is on.
        let heading = try #require(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            .firstIndex(of: "### Tendering {#tendering}")) + 1
        #expect(indicator.stdout == "wrote \(path):\(heading): indicator 'tendering' in key area 'managing-energy-costs'\n")
        // The slug of this title is an id used in another key area, so the id gets the key area's prefix.
        let again = try StrategycRunner.run(["new", "indicator", "--strategy", root.path, "--key-area", "managing-energy-costs",
                                             "--title", "Opportunities tendering"])
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            .contains("### Opportunities tendering {#managing-energy-costs-opportunities-tendering}"))
        #expect(again.status == 0)
        #expect(try StrategycRunner.run(["check", root.path]).status == 0)
    }

    @Test func diffAgainstGitHeadWorks() throws {
        let result = try StrategycRunner.run(["diff", "git:HEAD", "Strategy"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Changes in edition 2022\n"))
        let bad = try StrategycRunner.run(["diff", "git:no-such-revision", "Strategy"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("git archive failed"))
    }

}
