import Foundation
import StrategyModel
import StrategyRender
import StrategyWorkbook
import Testing

/// What the reader refuses or names in a return, each at its exact cell: formulas, copied ids, moved
/// rows, and stamps from another variant, edition or version of the model. The small fixture's workbook
/// has rows 2 to 4 for councillors-briefings, councillors-training and data-maturity, the levels in
/// columns D (current) and E (target) and the ids in column N; Metadata's B3 is the edition, B6 the
/// content hash and B8 the layout.
@Suite struct ReturnChecksTests {
    private let strategy: Strategy

    init() throws {
        strategy = try ReturnFixtures.compile(ReturnFixtures.small)
    }

    @Test func aFormulaWhereALevelIsExpectedIsRefusedWhateverItsCachedValue() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.fill(url, [ReturnFixtures.assessment: ["D2": "Established"]])
        try fixtures.formula(url, sheet: ReturnFixtures.assessment, cell: "E2", "Lists!A4", cached: "Leading")
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(text == """
            return.xlsx:Assessment!E2: error: this cell holds a formula where a level is expected; its stored result is not trusted: type the value itself [return-formula]
            1 error and 0 warnings generated.

            """)
        #expect(result?.answers["councillors-briefings"]?.current == "established")
        #expect(result?.answers["councillors-briefings"]?.target == nil)
    }

    @Test func aCopiedIdIsNamedWithTheFirstRowForIt() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.fill(url, [ReturnFixtures.assessment: ["N3": "councillors-briefings", "D3": "Leading", "D2": "Starting"]])
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(text == """
            return.xlsx:Assessment!N3: error: a second row for indicator 'councillors-briefings': the hidden ids must not be copied or edited [return-duplicate-indicator]
            return.xlsx:Assessment!N2: note: the first row for it
            1 error and 0 warnings generated.

            """)
        #expect(result?.answers["councillors-briefings"]?.current == "starting")
    }

    @Test func movedRowsAreReadByTheirIds() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        // Rows 2 and 4 swapped, as sorting the sheet would: the ids move with their answers.
        try fixtures.fill(url, [ReturnFixtures.assessment: [
            "N2": "data-maturity", "D2": "Leading", "N4": "councillors-briefings", "D4": "Starting"]])
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(text == "")
        #expect(result?.answers["data-maturity"]?.current == "leading")
        #expect(result?.answers["councillors-briefings"]?.current == "starting")
    }

    @Test func anotherVersionOfTheEditionIsNamedAndStillRead() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.fill(url, [ReturnFixtures.metadata: ["B6": "0123456789abcdef0123"], ReturnFixtures.assessment: ["D2": "Leading"]])
        let hash = PublicationStamp(strategy, generator: "x").hash.hex
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(text == """
            return.xlsx:Metadata!B6: warning: the return was made from another version of edition 2024 (content hash 0123456789ab, now \(hash.prefix(12))); its answers are matched by indicator id [return-model-changed]
            0 errors and 1 warning generated.

            """)
        #expect(result?.answers["councillors-briefings"]?.current == "leading")
    }

    @Test func aReturnOfAnotherVariantIsRefusedWithTheWayToReadIt() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        let hash = PublicationStamp(strategy, generator: "x").hash.hex
        let (result, text) = ReturnFixtures.read(url, against: strategy,
                                                 expecting: .init(edition: strategy.edition, contentHash: hash, variant: "riverside"))
        #expect(result == nil)
        #expect(text == """
            return.xlsx:Metadata!B8: error: the return was made from the national strategy, not from variant 'riverside': read it without --variant [return-variant-mismatch]
            1 error and 0 warnings generated.

            """)
    }

    @Test func aReturnOfANewerEditionIsRefused() throws {
        let fixtures = try ReturnFixtures()
        defer { fixtures.remove() }
        let url = try fixtures.blank(strategy)
        try fixtures.fill(url, [ReturnFixtures.metadata: ["B3": "2099"]])
        let (result, text) = ReturnFixtures.read(url, against: strategy)
        #expect(result == nil)
        #expect(text == """
            return.xlsx:Metadata!B3: error: the return was made from edition 2099, which is not an earlier edition of this strategy (edition 2024) [return-other-edition]
            1 error and 0 warnings generated.

            """)
    }

    @Test func theAboutDateIsReadAsTheWorkbookShowsIt() throws {
        #expect(ReturnReader.isoDate(fromSerial: 46_097) == "2026-03-16")
        #expect(ReturnReader.isoDate(fromSerial: 25_569) == "1970-01-01")
        #expect(ReturnReader.isoDate(fromSerial: 36_526.75) == "2000-01-01")
    }
}
