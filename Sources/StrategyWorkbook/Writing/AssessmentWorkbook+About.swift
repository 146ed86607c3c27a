import StrategyModel
import StrategyRender
import StrategySupport

/// The "About this assessment" sheet: who is answering, asked before any level.
///
/// A council sends several returns, one per respondent, so each return says whose it is. The sheet is a
/// plain two-column table (question, answer) with a header row and a third column saying how to answer:
/// no merged cells, and every answer cell has a defined name (`AboutRegion`…), so a reader finds it even
/// if someone inserts a row. Organisation type, region and validation are dropdowns of the lists in
/// `assessment.md`, kept on the hidden Lists sheet; without that file they are free text.
extension AssessmentWorkbook {
    /// The columns of the Lists sheet that hold the About choices, after the levels' two.
    static let organisationTypesListColumn = 2, regionsListColumn = 3, validationsListColumn = 4

    /// The lists behind the About dropdowns, with their defined names and Lists-sheet columns.
    var aboutLists: [(definedName: String, header: String, column: Int, choices: [String])] {
        guard let form = strategy.assessmentForm else { return [] }
        return [("OrganisationTypes", "Organisation type", Self.organisationTypesListColumn, form.organisationTypes),
                ("Regions", "Region", Self.regionsListColumn, form.regions),
                ("Validations", "Validation", Self.validationsListColumn, form.validations)]
    }

    /// The defined names of the About sheet: each answer cell, and each list of choices.
    var aboutDefinedNames: [WorkbookDocument.NamedValue] {
        let answers = AssessmentLayout.aboutQuestions.enumerated().map { index, question in
            WorkbookDocument.NamedValue(
                name: question.definedName,
                value: "=\(AssessmentLayout.aboutSheetName)!$\(AssessmentLayout.aboutAnswerColumnLetter)$\(AssessmentLayout.aboutHeaderRow + index + 2)")
        }
        let lists = aboutLists.map { list in
            let letter = columnLetter(list.column)
            return WorkbookDocument.NamedValue(name: list.definedName, value: "=Lists!$\(letter)$2:$\(letter)$\(list.choices.count + 1)")
        }
        return answers + lists
    }

    /// How each question is answered, shown beside it, and the rule its cell enforces.
    private func answerRule(_ question: AssessmentLayout.AboutQuestion) -> (help: String, style: CellStyle, rule: Validation.Rule?) {
        let hasLists = strategy.assessmentForm != nil
        switch question.definedName {
        case "AboutOrganisation": return ("The council or other body this return is for, in full.", .input, nil)
        case "AboutOrganisationType":
            return (hasLists ? "Choose from the list." : "For example: district council.", .input,
                    hasLists ? .list(definedName: "OrganisationTypes") : nil)
        case "AboutRegion":
            return (hasLists ? "Choose from the list." : "The region the organisation is in.", .input,
                    hasLists ? .list(definedName: "Regions") : nil)
        case "AboutRespondentRole": return ("Your job title or role, such as Head of Procurement.", .input, nil)
        case "AboutRespondentDepartment": return ("The department or service you answer for.", .input, nil)
        case "AboutAssessmentDate":
            return ("The day you finished, written YYYY-MM-DD.", .inputDate,
                    .dateOnOrAfter(SimpleDate(year: 2000, month: 1, day: 1)))
        case "AboutRound": return ("The year the assessment was asked for, such as 2026.", .input, .wholeNumber(2000...2100))
        default:
            return (hasLists ? "Choose from the list: your own judgement, or checked by someone outside the council."
                             : "Self-assessed, or checked by someone outside the council.", .input,
                    hasLists ? .list(definedName: "Validations") : nil)
        }
    }

    var aboutSheet: Sheet {
        let header = AssessmentLayout.aboutHeaderRow
        var sheet = Sheet(name: AssessmentLayout.aboutSheetName, frozenRows: header + 1)
        sheet.columns = [Column(width: 34), Column(width: 40), Column(width: 60)]
        let introduction = "One return per respondent: say who is answering before rating any indicator. How to use explains why."
        sheet.cells = [
            Cell(row: 0, column: 0, value: .text("About this assessment"), style: .title),
            Cell(row: 1, column: 0, value: .text(introduction), style: .text),
            Cell(row: header, column: 0, value: .text("Question"), style: .header),
            Cell(row: header, column: 1, value: .text("Answer"), style: .header),
            Cell(row: header, column: 2, value: .text("How to answer"), style: .header),
        ]
        sheet.rowHeights[0] = 24
        sheet.rowHeights[1] = estimatedRowHeight([(introduction, 34)])
        for (index, question) in AssessmentLayout.aboutQuestions.enumerated() {
            let row = header + 1 + index
            let (help, style, rule) = answerRule(question)
            sheet.cells += [
                Cell(row: row, column: 0, value: .text(question.label), style: .text),
                Cell(row: row, column: 1, value: filled?.about(named: question.definedName).map(Cell.Value.text) ?? .blank, style: style),
                Cell(row: row, column: 2, value: .text(help), style: .text),
            ]
            sheet.rowHeights[row] = estimatedRowHeight([(question.label, 34), (help, 60)])
            if let rule {
                sheet.validations.append(Validation(
                    firstRow: row, lastRow: row, column: 1, rule: rule, inputTitle: question.label, inputMessage: help,
                    errorMessage: errorMessage(for: rule)))
            }
        }
        return sheet
    }

    private func errorMessage(for rule: Validation.Rule) -> String {
        switch rule {
        case .list(let name):
            let choices = aboutLists.first { $0.definedName == name }?.choices ?? []
            return "Choose one of: \(choices.joined(separator: ", "))."
        case .dateOnOrAfter: return "Enter a date on or after 2000-01-01, written YYYY-MM-DD."
        case .wholeNumber(let range): return "Enter a year from \(range.lowerBound) to \(range.upperBound)."
        }
    }

    /// The About choices on the Lists sheet: a header and one choice per row, in columns C to E.
    var aboutListCells: [Cell] {
        aboutLists.flatMap { list in
            [Cell(row: 0, column: list.column, value: .text(list.header), style: .header)]
                + list.choices.enumerated().map { Cell(row: $0.offset + 1, column: list.column, value: .text($0.element), style: .text) }
        }
    }
}
