import Foundation
import StrategyModel
import StrategyRender
import StrategyDiagnostics

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
    /// With `filled`, the workbook is a completed return holding those answers.
    public func render(_ published: PublishedStrategy, variant: WorkbookVariant? = nil, filled: FilledReturn? = nil,
                       reportingTo collector: DiagnosticCollector) throws -> [OutputFile] {
        let workbook = AssessmentWorkbook(published: published, stamp: stamp, variant: variant, filled: filled)
        let mark = collector.mark
        let document = workbook.document(reportingTo: collector)
        guard !collector.diagnostics(since: mark).containsErrors else { return [] }
        return [
            OutputFile(path: "assessment.xlsx", contents: try XLSXWriter().write(document)),
            OutputFile(path: "assessment.csv", text: workbook.csv()),
        ]
    }
}
