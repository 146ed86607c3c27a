import Foundation
import Testing

/// `strategyc check` on the real strategy and on broken copies of it: exit status, stdout and stderr.
@Suite struct CheckCommandTests {
    @Test func realStrategyIsClean() throws {
        let result = try StrategycRunner.run(["check", "Strategy"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("edition 2022: 3 themes, 10 key areas, 62 indicators, 5 enablers, 335 descriptors, 5 levels; no errors, 0 warnings"), "\(result.stdout)")
    }

    @Test func folderDefaultsToStrategy() throws {
        let result = try StrategycRunner.run(["check"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Strategy: "))
    }

    @Test func copiedKeyAreaGivesDuplicateIDs() throws {
        let root = try StrategycRunner.copyOfStrategy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let folder = root.appendingPathComponent("key-areas/showing-leadership")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("engaging-councillors.md"),
                                         to: folder.appendingPathComponent("engaging-councillors-copy.md"))
        let result = try StrategycRunner.run(["check", root.path])
        #expect(result.status == 1 && !result.crashed)
        #expect(result.stdout == "")
        let copy = folder.appendingPathComponent("engaging-councillors-copy.md").path
        #expect(result.stderr.contains("\(copy):2:5: error: id 'engaging-councillors' of this key area is already used by a key area [duplicate-id]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.path)/engaging-councillors.md:2:5: note: 'engaging-councillors' first used here"))
        // The key area and its four indicators.
        #expect(result.stderr.components(separatedBy: "[duplicate-id]").count - 1 == 5)
    }

}
