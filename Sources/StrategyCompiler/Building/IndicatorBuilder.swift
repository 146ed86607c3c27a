import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Builds one indicator from its `### Title {#id}` heading and `#### Level` sections, checking the levels
/// against the strategy's list: each level once, all of them, in order, none empty.
struct IndicatorBuilder {
    let collector: DiagnosticCollector
    /// Nil when strategy.md is broken; level headings are then not checked.
    let levels: [Level]?

    /// - Parameter takenIDs: ids already written in the file, which a proposed id must avoid.
    func build(_ outline: BodyOutline.IndicatorOutline, in body: MarkdownBody, takenIDs: Set<String> = []) -> Indicator? {
        let headingRange = body.range(of: outline.heading)
        let (title, attributes) = splitHeading(outline.heading.inlineText)
        let parsed = parseAttributes(attributes, headingRange: headingRange, in: body.file)
        let id = parsed.id
        let idRange = parsed.idRange ?? headingRange
        if title.isEmpty {
            collector.report(Diagnostic(.missingIndicatorID, "indicator heading has no title", at: headingRange))
        }
        var validID: String?
        if let id {
            if Slug.isValid(id) {
                validID = id
            } else {
                let slug = Slug.make(from: id)
                collector.report(Diagnostic(
                    .invalidID, "indicator id '\(id)' is not valid: use lowercase letters, digits and single hyphens",
                    at: idRange,
                    fixIts: slug.isEmpty ? [] : [FixIt("replace with '\(slug)'", range: idRange, replacement: slug)]))
            }
        } else if !title.isEmpty {
            collector.report(MissingIndicatorID(title: title, headingRange: headingRange, file: body.file, takenIDs: takenIDs)
                .diagnostic)
        }
        if parsed.retiredIn == nil, let first = parsed.replacedByRanges.first {
            collector.report(Diagnostic(.invalidValue, "only a retired indicator has `replaced_by`; add `retired_in=EDITION`",
                                   at: first))
        }
        let descriptors = buildDescriptors(outline, title: title, headingRange: headingRange, in: body,
                                           isRetired: parsed.retiredIn != nil)
        guard let validID, !title.isEmpty else { return nil }
        let lifecycle: Lifecycle = parsed.retiredIn == nil ? .active : .retired(.init(
            edition: parsed.retiredIn, editionRange: parsed.retiredInRange,
            replacedBy: zip(parsed.replacedBy, parsed.replacedByRanges).map { Lifecycle.Reference($0, at: $1) }))
        return Indicator(id: validID, title: title, descriptors: descriptors, range: headingRange, idRange: idRange,
                         lifecycle: lifecycle)
    }

    /// `Title {#id key=value}` → ("Title", "#id key=value"); a heading without a trailing `{#…}` has none.
    func splitHeading(_ text: String) -> (title: String, attributes: String?) {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else {
            return (trimmed, nil)
        }
        let attributes = String(trimmed[trimmed.index(after: open.lowerBound)..<trimmed.index(before: trimmed.endIndex)])
        let title = trimmed[..<open.lowerBound].trimmingSpaces()
        return (title, attributes)
    }

    /// What the braces of an indicator heading say: `#id`, then optionally `retired_in=EDITION` and
    /// `replaced_by=id,id`. Positions are found in the heading's source line.
    struct HeadingAttributes {
        var id: String?
        var idRange: SourceRange?
        var retiredIn: String?
        var retiredInRange: SourceRange?
        var replacedBy: [String] = []
        var replacedByRanges: [SourceRange] = []
    }

    static let attributeKeys = ["retired_in", "replaced_by"]

    private func parseAttributes(_ attributes: String?, headingRange: SourceRange, in file: SourceFile) -> HeadingAttributes {
        var result = HeadingAttributes()
        guard let attributes, let brace = file.column(of: "{#", inLine: headingRange.start.line) else { return result }
        let line = headingRange.start.line
        let lineText = file.line(line)
        // Byte column of a token, searched from the opening brace onwards.
        var searchFrom = brace
        func column(of token: Substring) -> Int {
            let tail = lineText.utf8.dropFirst(searchFrom - 1)
            let tailString = String(decoding: tail, as: UTF8.self)
            let offset = tailString.range(of: token).map { tailString.utf8.distance(from: tailString.startIndex, to: $0.lowerBound) } ?? 0
            searchFrom += offset + token.utf8.count
            return searchFrom - token.utf8.count
        }
        for (index, token) in attributes.split(whereSeparator: { $0 == " " || $0 == "\t" }).enumerated() {
            let tokenColumn = column(of: token)
            if index == 0 {
                result.id = String(token.dropFirst())
                result.idRange = file.range(line: line, column: tokenColumn + 1, length: token.utf8.count - 1)
                continue
            }
            let parts = token.split(separator: "=", maxSplits: 1)
            let key = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            let keyRange = file.range(line: line, column: tokenColumn, length: key.utf8.count)
            switch key {
            case "retired_in" where !value.isEmpty:
                result.retiredIn = value
                result.retiredInRange = file.range(line: line, column: tokenColumn + key.utf8.count + 1,
                                                   length: value.utf8.count)
            case "replaced_by" where !value.isEmpty:
                var valueColumn = tokenColumn + key.utf8.count + 1
                for id in value.split(separator: ",", omittingEmptySubsequences: false) {
                    result.replacedBy.append(String(id))
                    result.replacedByRanges.append(file.range(line: line, column: valueColumn, length: id.utf8.count))
                    valueColumn += id.utf8.count + 1
                }
            case "retired_in", "replaced_by":
                collector.report(Diagnostic(.invalidType, "`\(key)` needs a value, as in `\(key)=...`", at: keyRange))
            default:
                let suggestion = Suggestion.closest(to: key, among: Self.attributeKeys)
                collector.report(Diagnostic(
                    .unknownKey,
                    "unknown indicator attribute `\(key)`" + (suggestion.map { "; did you mean `\($0)`?" }
                        ?? "; the attributes are `retired_in` and `replaced_by`"),
                    at: keyRange,
                    fixIts: suggestion.map { [FixIt("replace `\(key)` with `\($0)`", range: keyRange, replacement: $0)] } ?? []))
            }
        }
        return result
    }

    private func buildDescriptors(_ outline: BodyOutline.IndicatorOutline, title: String, headingRange: SourceRange,
                                  in body: MarkdownBody, isRetired: Bool) -> [Descriptor] {
        let factory = RichTextFactory(collector: collector)
        var descriptors: [Descriptor] = []
        var seen: [String: SourceRange] = [:]
        // Levels already named by an unknown-level suggestion are not reported again as missing.
        var suggested: Set<String> = []
        var highestIndex = -1
        for level in outline.levels {
            let range = body.range(of: level.heading)
            let name = level.heading.inlineText.trimmingSpaces()
            let text = factory.make(level.blocks, in: body)
            let end = level.blocks.last.map { body.range(of: $0).end } ?? range.end
            let fullRange = SourceRange(start: range.start, end: end)
            guard let levels else {
                descriptors.append(Descriptor(levelID: Slug.make(from: name), text: text, range: fullRange))
                continue
            }
            guard let index = levels.firstIndex(where: { matches(name, $0) }) else {
                let suggestion = Suggestion.closest(to: name, among: levels.map(\.name))
                if let suggestion, let level = levels.first(where: { $0.name == suggestion }) { suggested.insert(level.id) }
                let nameRange = body.file.range(line: range.start.line,
                                                column: body.file.column(of: name, inLine: range.start.line) ?? range.start.column,
                                                length: name.utf8.count)
                collector.report(Diagnostic(
                    .unknownLevel,
                    "unknown level '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + (suggestion == nil ? "; the levels are " + levels.map(\.name).joined(separator: ", ") : ""),
                    at: range,
                    fixIts: suggestion.map { [FixIt("replace with '\($0)'", range: nameRange, replacement: $0)] } ?? []))
                continue
            }
            let level = levels[index]
            if let first = seen[level.id] {
                collector.report(Diagnostic(.duplicateLevel, "level '\(level.name)' is described twice in '\(title)'",
                                       at: range, notes: [.init("first described here", at: first)]))
                continue
            }
            seen[level.id] = range
            if index < highestIndex {
                collector.report(Diagnostic(
                    .levelOutOfOrder,
                    "level '\(level.name)' is out of order: levels run "
                        + levels.map(\.name).joined(separator: ", "),
                    at: range))
            }
            highestIndex = max(highestIndex, index)
            if text.isEmpty {
                collector.report(Diagnostic(.emptyDescriptor,
                                       "the '\(level.name)' descriptor of '\(title)' is empty", at: range))
            }
            descriptors.append(Descriptor(levelID: level.id, text: text, range: fullRange))
        }
        if let levels {
            let missing = levels.filter { seen[$0.id] == nil && !suggested.contains($0.id) }
            if !missing.isEmpty && !isRetired {
                let names = missing.map { "'\($0.name)'" }.joined(separator: ", ")
                collector.report(Diagnostic(
                    .missingLevel,
                    "indicator '\(title)' has no descriptor for \(missing.count == 1 ? "level" : "levels") \(names)",
                    at: headingRange,
                    notes: [.init("every indicator describes each level under a `#### Level` heading")]))
            }
            descriptors.sort { a, b in
                (levels.firstIndex { $0.id == a.levelID } ?? 0) < (levels.firstIndex { $0.id == b.levelID } ?? 0)
            }
        }
        return descriptors
    }

    /// A level heading may give the level's name or its id, in any case.
    private func matches(_ heading: String, _ level: Level) -> Bool {
        let normalized = Suggestion.normalize(heading)
        return normalized == Suggestion.normalize(level.name) || normalized == Suggestion.normalize(level.id)
    }
}
