import Foundation
import StrategyRender

/// Recognises a blank assessment workbook that strategyc wrote, so that writing a new one may replace it,
/// and tells a filled-in one apart: a council's answers are never overwritten by a blank form.
///
/// The workbook is opened through `XLSXPackage` (ZIPFoundation and Foundation's XMLParser, external
/// entities off, caps on what is read), since the file may come from anywhere.
public enum BlankWorkbookProof {
    public enum Verdict: Equatable, Sendable {
        case blank
        /// The first answered cell, as `Assessment!D7`.
        case answered(String)
        case notOurs(String)
    }

    public static func examine(_ url: URL) -> Verdict {
        let package: XLSXPackage
        do {
            package = try XLSXPackage(url: url)
        } catch {
            return .notOurs(error.description)
        }
        guard let custom = package.part("docProps/custom.xml"),
              String(decoding: custom, as: UTF8.self).contains(AssessmentLayout.versionPrefix) else {
            return .notOurs("it has no strategyc workbook stamp")
        }
        let sheetName = AssessmentLayout.assessmentSheetName
        // A part that cannot be read safely is "not ours" here: nothing is replaced unless proved blank.
        guard ((try? package.sheetPath(named: sheetName)) ?? nil) != nil else { return .notOurs("it has no \(sheetName) sheet") }
        guard let cells = (try? package.cells(ofSheet: sheetName)) ?? nil else {
            return .notOurs("its \(sheetName) sheet cannot be read")
        }
        let strings = (try? package.sharedStrings()) ?? []
        func text(_ cell: XLSXPackage.RawCell?) -> String { XLSXPackage.text(cell, sharedStrings: strings) }
        // A variant's workbook starts with its default targets filled in; a Target cell that still holds its
        // row's default (kept in a hidden column named in the header row) is not an answer.
        let defaultColumn = cells.first { $0.key.row == 1 && text($0.value) == AssessmentLayout.defaultTargetHeader }?.key.column
        let answered = cells
            .filter { $0.key.row > 1 && AssessmentLayout.answerColumnLetters.contains($0.key.column) && !text($0.value).isEmpty }
            .filter { key, cell in
                guard key.column == AssessmentLayout.targetColumnLetter, let defaultColumn else { return true }
                return text(cell) != text(cells[.init(column: defaultColumn, row: key.row)])
            }
            .keys.min { ($0.row, $0.column.count, $0.column) < ($1.row, $1.column.count, $1.column) }
        if let answered { return .answered("\(sheetName)!\(answered)") }
        // Saying who answered is an answer too (layout 3 and later have the About sheet).
        let aboutName = AssessmentLayout.aboutSheetName
        if ((try? package.sheetPath(named: aboutName)) ?? nil) != nil {
            guard let about = (try? package.cells(ofSheet: aboutName)) ?? nil else {
                return .notOurs("its \(aboutName) sheet cannot be read")
            }
            let firstAnswerRow = AssessmentLayout.aboutHeaderRow + 2  // 1-based, below the header
            let answeredAbout = about
                .filter { $0.key.column == AssessmentLayout.aboutAnswerColumnLetter && $0.key.row >= firstAnswerRow
                    && !text($0.value).isEmpty }
                .keys.min { $0.row < $1.row }
            if let answeredAbout { return .answered("\(aboutName)!\(answeredAbout)") }
        }
        return .blank
    }
}
