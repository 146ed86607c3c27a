import StrategyModel

/// `actions.csv`: the council's action plan as a table to open in a spreadsheet or load into a task
/// tracker. Respondents' texts end up in it, so every field goes through the workbook CSV's formula guard
/// (`CSVField`): a text starting `=`, `+`, `-` or `@` is never run as a formula.
/// RFC 4180, UTF-8, CRLF line ends; the same result gives the same bytes.
enum ActionPlanCSV {
    static let headers = ["Key area", "Indicator", "Local", "Current level", "Next level", "Target level", "Next step",
                          "Actions", "Owner", "Review date", "Key area id", "Indicator id"]

    static func text(_ result: AssessmentResult, details: ReportDetails) -> String {
        let strategy = result.strategy
        var lines = [headers.map(CSVField.escaped).joined(separator: ",")]
        for item in result.actionPlan {
            let step = item.step
            let fields = [step.keyArea.title, step.indicator.title, details.origin(ofIndicator: step.indicator.id) ?? "",
                          ReportRenderer.levelName(step.current, in: strategy), step.next.name,
                          ReportRenderer.levelName(step.target, in: strategy), step.descriptor?.plainText ?? "",
                          item.actions.joined(separator: "; "), item.owners.joined(separator: "; "),
                          item.reviewDates.joined(separator: "; "), step.keyArea.id, step.indicator.id]
            lines.append(fields.map(CSVField.escaped).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
