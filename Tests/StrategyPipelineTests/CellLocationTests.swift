import StrategyModel
import Testing
import StrategyDiagnostics

/// Diagnostics in a council's return point at cells: `return.xlsx:Assessment!E14`, in every format.
@Suite struct CellLocationTests {
    private let cell = SourceLocation.cell(path: "return.xlsx", sheet: "Assessment", row: 14, column: 5)
    private var diagnostic: Diagnostic { Diagnostic(.invalidValue, "\"Maturee\" is not a level", at: SourceRange(at: cell)) }

    @Test func textNamesTheSheetAndCell() {
        #expect(DiagnosticFormat.text.render([diagnostic])
                == "return.xlsx:Assessment!E14: error: \"Maturee\" is not a level [invalid-value]\n1 error and 0 warnings generated.\n")
    }

    @Test func jsonCarriesTheCellBesideRowAndColumn() {
        let json = DiagnosticFormat.json.render([diagnostic])
        #expect(json.contains("\"cell\" : \"Assessment!E14\","), "\(json)")
        #expect(json.contains("\"line\" : 14,") && json.contains("\"column\" : 5,"), "\(json)")
        let plain = Diagnostic(.invalidValue, "x", at: SourceRange(at: SourceLocation(path: "a.md", line: 2, column: 3)))
        let plainJSON = DiagnosticFormat.json.render([plain])
        #expect(!plainJSON.contains("\"cell\"") && plainJSON.contains("\"line\" : 2,"), "\(plainJSON)")
    }

    @Test func githubAnnotatesTheFileWithTheCellInItsTitle() {
        #expect(DiagnosticFormat.github.render([diagnostic])
                == "::error file=return.xlsx,title=Assessment!E14 invalid-value::\"Maturee\" is not a level\n")
    }

    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (28, "AB"), (703, "AAA")])
    func columnNumbersBecomeLetters(_ column: Int, _ letters: String) {
        #expect(SourceLocation.cell(path: "r.xlsx", sheet: "About", row: 6, column: column).cellReference == "About!\(letters)6")
    }

    @Test func cellsSortBySheetThenRowThenColumn() {
        let places = [("Assessment", 15, 4), ("Assessment", 14, 5), ("About", 20, 2), ("Assessment", 14, 4)]
            .map { SourceLocation.cell(path: "r.xlsx", sheet: $0.0, row: $0.1, column: $0.2) }
        #expect(places.sorted().compactMap(\.cellReference)
                == ["About!B20", "Assessment!D14", "Assessment!E14", "Assessment!D15"])
    }
}
