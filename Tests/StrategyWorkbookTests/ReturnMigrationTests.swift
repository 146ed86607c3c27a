import Foundation
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing

/// A return made from an earlier edition, read against the next one: answers carried to the indicators
/// that replaced theirs, answers of indicators retired without replacement dropped, indicators new since
/// listed as unanswered, and the return named as another edition's.
@Suite struct ReturnMigrationTests {
    /// The small fixture's next edition (2025): Training retired in favour of a new Learning indicator and
    /// the existing data-maturity, Briefings retired with no replacement, and a new Induction indicator.
    private static func nextEdition(in folder: URL) throws -> URL {
        let next = folder.appendingPathComponent("next")
        try FileManager.default.copyItem(at: ReturnFixtures.small, to: next)
        let strategyFile = next.appendingPathComponent("strategy.md")
        let strategy = try String(contentsOf: strategyFile, encoding: .utf8)
        try strategy.replacingOccurrences(of: "edition: 2024", with: "edition: 2025")
            .write(to: strategyFile, atomically: true, encoding: .utf8)
        let file = next.appendingPathComponent("key-areas/people/councillors.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "{#councillors-training}",
                                         with: "{#councillors-training retired_in=2025 replaced_by=councillors-learning,data-maturity}")
        text = text.replacingOccurrences(of: "{#councillors-briefings}", with: "{#councillors-briefings retired_in=2025}")
        text += """

            ### Learning {#councillors-learning}

            #### Starting

            Nothing planned.

            #### Established

            A yearly plan.

            #### Leading

            Learning shared with other councils.

            ### Induction {#councillors-induction}

            #### Starting

            None.

            #### Established

            A welcome pack.

            #### Leading

            A mentor for every new councillor.

            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        return next
    }

    @Test func anOlderReturnIsCarriedThroughReplacedBy() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let old = try ReturnFixtures.compile(ReturnFixtures.small)
        let new = try ReturnFixtures.compile(try Self.nextEdition(in: fixtures.folder))
        let url = try fixtures.blank(old)
        try fixtures.fill(url, [ReturnFixtures.assessment: [
            "D2": "Established", "E2": "Leading",  // councillors-briefings: retired, no replacement
            "D3": "Leading", "E3": "Leading",      // councillors-training: to learning and data-maturity
            "D4": "Starting", "E4": "Established", // data-maturity: answered directly, which wins
        ]])
        let (result, text) = ReturnFixtures.read(url, against: new)
        #expect(text == """
            return.xlsx:Metadata!B3: warning: the return was made from edition 2024; its answers are carried to edition 2025 by indicator id and replaced_by [return-other-edition]
            0 errors and 1 warning generated.

            """)
        let completed = try #require(result)
        #expect(completed.answers["councillors-learning"] == CompletedReturn.Answer(current: "leading", target: "leading"))
        #expect(completed.answers["data-maturity"] == CompletedReturn.Answer(current: "starting", target: "established"))
        #expect(completed.answers["councillors-briefings"] == nil && completed.answers["councillors-training"] == nil)
        let migration = try #require(completed.migration)
        #expect(migration.fromEdition == "2024")
        #expect(migration.carried == [.init(from: "councillors-training", to: "councillors-learning"),
                                      .init(from: "councillors-training", to: "data-maturity")])
        #expect(migration.dropped == ["councillors-briefings"])
        #expect(migration.new == ["councillors-induction"])
    }

    @Test func aReturnOfThisEditionHasNoMigration() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let strategy = try ReturnFixtures.compile(ReturnFixtures.small)
        let url = try fixtures.blank(strategy)
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(text == "")
        #expect(try #require(result).migration == nil)
    }
}
