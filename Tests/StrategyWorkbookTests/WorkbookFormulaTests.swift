import Foundation
import StrategyModel
import StrategyRender
@testable import StrategyWorkbook
import Testing
import StrategyDiagnostics
import StrategySupport

/// The Summary sheet's formulas, exactly, for the small fixture: the target is the highest target set on
/// any of a key area's indicators, the current level the lowest reached and only once every indicator is
/// assessed, the gap their difference. (LibreOffice recalculates them in `scripts/check-outputs`; this test
/// pins the columns and ranges they read, which a wrong letter would break without a crash.)
@Suite struct WorkbookFormulaTests {
    private func summaryFormulas() throws -> [String: String] {
        let strategy = try WorkbookSupport.model()
        let book = AssessmentWorkbook(published: PublishedStrategy(strategy), stamp: WorkbookSupport.stamp(strategy))
        let collector = DiagnosticCollector()
        let summary = try #require(book.document(reportingTo: collector).sheets.first { $0.name == "Summary" })
        var formulas: [String: String] = [:]
        for cell in summary.cells {
            if case .formula(let formula) = cell.value { formulas["\(columnLetter(cell.column))\(cell.row + 1)"] = formula }
        }
        return formulas
    }

    @Test func firstKeyAreaReadsItsOwnRowsAndTheRightColumns() throws {
        let formulas = try summaryFormulas()
        // Three levels: descriptors in J to L, then ids in M and N, current numbers in O, target numbers in P.
        // The first key area's indicators are Assessment rows 2 and 3.
        // Summary: F holds the weight, G the target number, H the current number.
        #expect(formulas["G2"] == "IF(COUNT(Assessment!$P$2:$P$3)=0,\"\",MAX(Assessment!$P$2:$P$3))")
        #expect(formulas["H2"] == "IF(COUNT(Assessment!$O$2:$O$3)<ROWS(Assessment!$O$2:$O$3),\"\",MIN(Assessment!$O$2:$O$3))")
        #expect(formulas["C2"] == "IF(G2=\"\",\"\",INDEX(Levels,G2))")
        #expect(formulas["D2"] == "IF(H2=\"\",\"\",INDEX(Levels,H2))")
        #expect(formulas["E2"] == "IF(OR(G2=\"\",H2=\"\"),\"\",MAX(0,G2-H2))")
        // The second (the enabler) has one indicator, on row 4.
        #expect(formulas["G3"] == "IF(COUNT(Assessment!$P$4:$P$4)=0,\"\",MAX(Assessment!$P$4:$P$4))")
    }
}
