import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// The diagnostic for an indicator heading without `{#id}`, and the fix-it that says where its id comes
/// from. A brace that was meant as the id but is malformed (`{champions}`, `{#champions`) is repaired
/// rather than buried in a new id made from the whole heading; otherwise the id is the slug of the
/// title, numbered if the file already uses it.
struct MissingIndicatorID {
    let title: String
    let headingRange: SourceRange
    let file: SourceFile
    let takenIDs: Set<String>

    var diagnostic: Diagnostic {
        let lineNumber = headingRange.start.line
        let line = file.line(lineNumber)
        let end = line.trimmingTrailingWhitespace().utf8.count + 1
        if title.hasSuffix("}"), let open = title.lastIndex(of: "{"), !title[open...].hasPrefix("{#") {
            let id = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
            let column = file.column(of: "{" + id + "}", inLine: lineNumber) ?? end
            return Diagnostic(
                .missingIndicatorID, "indicator heading's id `{\(id)}` has no `#`; write `{#\(id)}`", at: headingRange,
                fixIts: [FixIt("add the `#`: `{#\(id)}`", range: file.range(line: lineNumber, column: column, length: 1),
                               replacement: "{#")])
        }
        if let open = title.range(of: "{#", options: .backwards), !title[open.upperBound...].contains("}") {
            let id = String(title[open.upperBound...]).trimmingSpaces()
            return Diagnostic(
                .missingIndicatorID, "indicator heading's `{#\(id)` is never closed; end it with `}`", at: headingRange,
                fixIts: [FixIt("close it: `{#\(id)}`", range: file.range(line: lineNumber, column: end), replacement: "}")])
        }
        let slug = uniqueSlug()
        return Diagnostic(
            .missingIndicatorID,
            "indicator '\(title)' has no id; add one at the end of the heading, such as `{#\(slug)}` (made from its title)",
            at: headingRange,
            fixIts: [FixIt("add an id made from the title: `{#\(slug)}`", range: file.range(line: lineNumber, column: end),
                           replacement: " {#\(slug)}")])
    }

    private func uniqueSlug() -> String {
        let base = Slug.make(from: title)
        guard takenIDs.contains(base) else { return base }
        var number = 2
        while takenIDs.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }
}
