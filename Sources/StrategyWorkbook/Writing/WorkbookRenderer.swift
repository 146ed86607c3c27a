import Foundation
import StrategyModel
import StrategyRender

/// Makes `assessment.xlsx` and `assessment.csv` from the model.
public struct WorkbookRenderer {
    let stamp: PublicationStamp

    public init(stamp: PublicationStamp) {
        self.stamp = stamp
    }

    /// The two files, or the diagnostics that prevent them (a text too long for a cell). Throws only when
    /// libxlsxwriter fails to write.
    /// A variant's workbook (`variant` given) has its default targets filled in, its weights, an Origin
    /// column and the base in its stamp.
    public func render(_ published: PublishedStrategy, variant: WorkbookVariant? = nil,
                       reportingTo collector: DiagnosticCollector) throws -> [OutputFile] {
        let workbook = AssessmentWorkbook(published: published, stamp: stamp, variant: variant)
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
