import Foundation
import StrategyModel
import StrategyRender

/// A key area's page as the browser sent it back: each indicator's levels, texts and review date, checked
/// as the page offered them (a level from the list, a target no lower than the variant's minimum, a real
/// date, texts within their limits). Every problem is found in one pass, by field, for the error summary;
/// what was typed is kept so the page can be shown again as it was sent.
public enum AnswerForm {
    public static func read(_ form: FormBody, area: KeyArea, levels: [Level], minimum: String?)
        -> (answers: [String: CollectPages.Answer], errors: [CollectPages.FieldError]) {
        let levelIDs = Set(levels.map(\.id))
        let allowed = Set(CollectPages.targetLevels(levels, minimum: minimum).map(\.id))
        let minimumName = minimum.flatMap { id in levels.first { $0.id == id }?.name }
        var answers: [String: CollectPages.Answer] = [:]
        var errors: [CollectPages.FieldError] = []
        for indicator in area.indicators {
            func value(_ field: CollectPages.Field) -> String { cleaned(form.text(field.name(indicator.id))) }
            var answer = CollectPages.Answer(evidence: value(.evidence), actions: value(.actions), owner: value(.owner),
                                             reviewDate: value(.review))
            let current = value(.current), target = value(.target)
            if !current.isEmpty {
                if levelIDs.contains(current) { answer.current = current } else {
                    errors.append(.init(field: CollectPages.Field.current.name(indicator.id),
                                        message: "Choose where your organisation is now on \(indicator.title) from the levels given"))
                }
            }
            if !target.isEmpty {
                if allowed.contains(target) {
                    answer.target = target
                } else if levelIDs.contains(target), let minimumName {
                    errors.append(.init(field: CollectPages.Field.target.name(indicator.id),
                                        message: "Aim for \(minimumName) or higher on \(indicator.title): your organisation's strategy asks for at least that"))
                } else {
                    errors.append(.init(field: CollectPages.Field.target.name(indicator.id),
                                        message: "Choose where you aim to be on \(indicator.title) from the levels given"))
                }
            }
            for (field, label, limit) in [(CollectPages.Field.evidence, "Evidence", CollectLimits.longText),
                                          (.actions, "Next steps", CollectLimits.longText), (.owner, "Who leads them", CollectLimits.shortText)]
            where value(field).count > limit {
                errors.append(.init(field: field.name(indicator.id),
                                    message: "\(label) on \(indicator.title) must be \(limit.formatted()) characters or fewer"))
            }
            if !answer.reviewDate.isEmpty && !isDate(answer.reviewDate) {
                errors.append(.init(field: CollectPages.Field.review.name(indicator.id),
                                    message: "Enter the review date of \(indicator.title) as a date, such as 2026-09-30"))
            }
            answers[indicator.id] = answer
        }
        return (answers, errors)
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Text as it may be kept: line breaks as `\n`, no other control characters (a workbook cell and a
    /// page would refuse or hide them).
    static func cleaned(_ text: String) -> String {
        String(String.UnicodeScalarView(text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.filter { scalar in
            scalar == "\n" || scalar == "\t" || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }))
    }
}
