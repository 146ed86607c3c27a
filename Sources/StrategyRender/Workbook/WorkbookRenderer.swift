import Foundation
import StrategyModel

/// Makes `assessment.xlsx` and `assessment.csv` from the model.
public struct WorkbookRenderer {
    let generator: String

    public init(generator: String) {
        self.generator = generator
    }

    /// The two files, or the diagnostics that prevent them (a text too long for a cell). Throws only when
    /// libxlsxwriter fails to write.
    public func render(_ strategy: Strategy, diagnostics: inout [Diagnostic]) throws -> [OutputFile] {
        let hash = ContentHash(modelJSON: ModelJSONRenderer().render(strategy))
        let workbook = AssessmentWorkbook(strategy: strategy, hash: hash, generator: generator)
        var problems: [Diagnostic] = []
        let document = workbook.document(diagnostics: &problems)
        diagnostics += problems
        guard !problems.containsErrors else { return [] }
        return [
            OutputFile(path: "assessment.xlsx", contents: try XLSXWriter().write(document)),
            OutputFile(path: "assessment.csv", text: workbook.csv()),
        ]
    }
}
