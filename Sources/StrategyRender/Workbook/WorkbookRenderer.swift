import Foundation
import StrategyModel

/// Makes `assessment.xlsx` and `assessment.csv` from the model.
public struct WorkbookRenderer {
    let stamp: PublicationStamp

    public init(stamp: PublicationStamp) {
        self.stamp = stamp
    }

    /// The two files, or the diagnostics that prevent them (a text too long for a cell). Throws only when
    /// libxlsxwriter fails to write.
    public func render(_ published: PublishedStrategy, reportingTo collector: DiagnosticCollector) throws -> [OutputFile] {
        let workbook = AssessmentWorkbook(published: published, stamp: stamp)
        var problems: [Diagnostic] = []
        let document = workbook.document(diagnostics: &problems)
        collector.report(problems)
        guard !problems.containsErrors else { return [] }
        return [
            OutputFile(path: "assessment.xlsx", contents: try XLSXWriter().write(document)),
            OutputFile(path: "assessment.csv", text: workbook.csv()),
        ]
    }
}
