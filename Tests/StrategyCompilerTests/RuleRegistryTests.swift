import Foundation
import StrategyRules
import Testing
import TestSupport

/// Every rule is in the registry, once, and lives in a file of its own named after it, under the folder
/// of its subject: a rule written and forgotten would never run.
@Suite struct RuleRegistryTests {
    private static let folders: [RuleSubject: String] = [.model: "Model", .previousEdition: "Editions", .templates: "Templates"]

    @Test func everyRuleFileIsRegisteredUnderItsSubject() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources/StrategyRules")
        var files: [String] = []
        for folder in Self.folders.values.sorted() {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            files += names.filter { $0.hasSuffix(".swift") }.map { "\(folder)/\($0.dropLast(6))" }
        }
        let registered = RuleRegistry.standard.rules.map { rule in
            "\(Self.folders[rule.subject] ?? "?")/\(String(describing: type(of: rule)))"
        }
        #expect(registered.sorted() == files.sorted())
        #expect(Set(registered).count == registered.count)
    }

    @Test func eachSubjectHasItsRules() {
        let counts = Dictionary(grouping: RuleRegistry.standard.rules, by: \.subject).mapValues(\.count)
        #expect(counts == [.model: 10, .previousEdition: 1, .templates: 1])
    }
}
