import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Typed, checked access to the `key: value` pairs of one front-matter mapping.
///
/// Creating it reports unknown, misspelt and missing keys; each accessor reports a value of the wrong type.
/// Accessors return nil after reporting, so a builder can carry on and find the next problem.
struct FrontMatterFields {
    let pairs: [YAMLPair]
    /// Where the mapping starts, for "missing key" diagnostics.
    let range: SourceRange
    let collector: DiagnosticCollector

    /// Fails (after a diagnostic) when the value is not a mapping.
    init?(_ value: YAMLValue, schema: FrontMatterSchema, what: String, collector: DiagnosticCollector,
          missingKeyRange: SourceRange? = nil) {
        guard case .mapping(let pairs, let range) = value else {
            collector.report(Diagnostic(.frontMatterNotMapping,
                                   "\(what) must be a set of `key: value` lines, found \(value.kindDescription)",
                                   at: value.range))
            return nil
        }
        self.pairs = pairs
        self.range = missingKeyRange ?? range
        self.collector = collector

        var suggested: Set<String> = []
        let present = Set(pairs.map(\.key))
        for pair in pairs where !schema.allKeys.contains(pair.key) {
            let unused = schema.allKeys.filter { !present.contains($0) }
            if let suggestion = Suggestion.closest(to: pair.key, among: unused) {
                suggested.insert(suggestion)
                collector.report(Diagnostic(
                    .unknownKey, "unknown key `\(pair.key)` in \(what); did you mean `\(suggestion)`?",
                    at: pair.keyRange,
                    fixIts: [FixIt("replace `\(pair.key)` with `\(suggestion)`", range: pair.keyRange,
                                   replacement: suggestion)]
                ))
            } else {
                collector.report(Diagnostic(
                    .unknownKey, "unknown key `\(pair.key)` in \(what)", at: pair.keyRange,
                    notes: [.init("the keys are: " + schema.allKeys.map { "`\($0)`" }.joined(separator: ", "))]
                ))
            }
        }
        for key in schema.required where !present.contains(key) && !suggested.contains(key) {
            collector.report(Diagnostic(.missingKey, "\(what) is missing the required key `\(key)`", at: self.range))
        }
    }

    func pair(_ key: String) -> YAMLPair? {
        pairs.first { $0.key == key }
    }

    /// A scalar read as text. Numbers are accepted (`edition: 2022`); lists, mappings and empty values are not.
    func text(_ key: String) -> (value: String, range: SourceRange)? {
        guard let pair = pair(key) else { return nil }
        switch pair.value {
        case .scalar(let text, let type, let range) where type != .null:
            let trimmed = text.trimmingSpacesAndNewlines()
            guard !trimmed.isEmpty else { fallthrough }
            return (trimmed, range)
        case .scalar(_, _, let range):
            collector.report(Diagnostic(.invalidType, "`\(key)` has no value", at: range.start == pair.keyRange.start ? pair.keyRange : range))
            return nil
        default:
            collector.report(Diagnostic(.invalidType, "`\(key)` must be text, found \(pair.value.kindDescription)",
                                   at: pair.value.range))
            return nil
        }
    }

    /// A whole number such as `order: 3`.
    func integer(_ key: String) -> Int? {
        guard let pair = pair(key) else { return nil }
        if case .scalar(let text, .integer, _) = pair.value, let number = Int(text.replacingOccurrences(of: "_", with: "")) {
            return number
        }
        collector.report(Diagnostic(.invalidType, "`\(key)` must be a whole number, found \(pair.value.kindDescription)",
                               at: pair.value.range))
        return nil
    }

    /// An id, checked to be a slug; an invalid id gets a fix-it with its slug form.
    func id(_ key: String) -> (value: String, range: SourceRange)? {
        guard let (value, range) = text(key) else { return nil }
        guard Slug.isValid(value) else {
            let slug = Slug.make(from: value)
            collector.report(Diagnostic(
                .invalidID,
                "`\(key)` '\(value)' is not a valid id: use lowercase letters, digits and single hyphens",
                at: range,
                fixIts: slug.isEmpty ? [] : [FixIt("replace with '\(slug)'", range: range, replacement: slug)]
            ))
            return nil
        }
        return (value, range)
    }

    /// One of a fixed set of words, such as `status: active`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let (value, range) = text(key) else { return nil }
        if let choice = Choice(rawValue: value) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: value, among: allowed)
        collector.report(Diagnostic(
            .invalidValue,
            "`\(key)` must be one of " + allowed.map { "`\($0)`" }.joined(separator: ", ") + ", found '\(value)'"
                + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
            at: range,
            fixIts: suggestion.map { [FixIt("replace with `\($0)`", range: range, replacement: $0)] } ?? []
        ))
        return nil
    }

    /// A list of texts; a single scalar counts as a list of one (`replaced_by: x` or `replaced_by: [x, y]`).
    func textList(_ key: String) -> [(value: String, range: SourceRange)] {
        guard let pair = pair(key) else { return [] }
        let items: [YAMLValue]
        switch pair.value {
        case .sequence(let values, _): items = values
        case .scalar: items = [pair.value]
        case .mapping:
            collector.report(Diagnostic(.invalidType, "`\(key)` must be a list, found \(pair.value.kindDescription)",
                                   at: pair.value.range))
            return []
        }
        return items.compactMap { item in
            guard case .scalar(let text, let type, let range) = item, type != .null else {
                collector.report(Diagnostic(.invalidType, "items of `\(key)` must be text, found \(item.kindDescription)",
                                       at: item.range))
                return nil
            }
            return (text, range)
        }
    }
}
