import StrategyDiagnostics
import StrategySupport

/// Finds template tags that name a field no view provides. Mustache prints nothing for an unknown name,
/// so a misspelt `{{edtion}}` would silently leave a hole in every page; this makes it an error at the
/// tag's line and column instead.
struct TemplateFieldRule: Rule {
    var subject: RuleSubject { .templates }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        guard let subject = context.templates else { return }
        let known = subject.knownFields
        for template in subject.templates.sorted(by: { $0.name < $1.name }) {
            for tag in Self.fieldTags(in: template.text) {
                for component in tag.name.split(separator: ".").map(String.init) where !known.contains(component) {
                    let suggestion = closest(to: component, among: known)
                    collector.report(Diagnostic(
                        .templateUnknownField,
                        "template '\(template.name)' uses `\(tag.name)`, which no page provides, so it would print nothing"
                            + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
                        at: SourceRange(at: SourceLocation(path: template.path, line: tag.line, column: tag.column))))
                }
            }
        }
    }

    /// The same "did you mean" as every other diagnostic (Suggestion: one edit distance, one threshold);
    /// one-letter fields are never offered, and ties go to the first in alphabetical order.
    private func closest(to word: String, among known: Set<String>) -> String? {
        Suggestion.closest(to: word, among: known.filter { $0.count > 1 }.sorted())
    }

    /// The variable and section tags of a template (`{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`,
    /// `{{^name}}`), with 1-based line and UTF-8 column. Comments, partials, blocks and closing tags name
    /// no field. A template that changes its delimiters is not checked past the change.
    static func fieldTags(in text: String) -> [(name: String, line: Int, column: Int)] {
        var tags: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var body = rest[open.upperBound..<close.lowerBound]
                rest = rest[close.upperBound...]
                if body.hasPrefix("{") {
                    body = body.dropFirst()
                    if rest.hasPrefix("}") { rest = rest.dropFirst() }
                }
                let trimmed = body.trimmingSpaces()
                guard let sigil = trimmed.first else { continue }
                if sigil == "=" { return tags }
                if "!></$%".contains(sigil) { continue }
                var name = ("#^&".contains(sigil) ? String(trimmed.dropFirst()) : trimmed)
                    .trimmingSpaces()
                // A transform, `uppercased(title)`: the field is inside the brackets.
                if let bracket = name.firstIndex(of: "("), name.hasSuffix(")") {
                    name = String(name[name.index(after: bracket)..<name.index(before: name.endIndex)])
                }
                guard !name.isEmpty, name != "." else { continue }
                let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
                tags.append((name, index + 1, column))
            }
        }
        return tags
    }
}
