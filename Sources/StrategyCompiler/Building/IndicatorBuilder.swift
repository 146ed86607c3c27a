import Foundation
import StrategyModel

/// Builds one indicator from its `### Title {#id}` heading and `#### Level` sections, checking the levels
/// against the strategy's list: each level once, all of them, in order, none empty.
struct IndicatorBuilder {
    let engine: DiagnosticEngine
    /// Nil when strategy.md is broken; level headings are then not checked.
    let levels: [Level]?

    func build(_ outline: BodyOutline.IndicatorOutline, in body: MarkdownBody) -> Indicator? {
        let headingRange = body.range(of: outline.heading)
        let (title, id) = splitHeading(outline.heading.inlineText)
        let idRange = idRange(id: id, headingRange: headingRange, in: body.file)
        if title.isEmpty {
            engine.emit(Diagnostic(.missingIndicatorID, "indicator heading has no title", at: headingRange))
        }
        var validID: String?
        if let id {
            if Slug.isValid(id) {
                validID = id
            } else {
                let slug = Slug.make(from: id)
                engine.emit(Diagnostic(
                    .invalidID, "indicator id '\(id)' is not valid: use lowercase letters, digits and single hyphens",
                    at: idRange,
                    fixIts: slug.isEmpty ? [] : [FixIt("replace with '\(slug)'", range: idRange, replacement: slug)]))
            }
        } else if !title.isEmpty {
            let line = body.file.line(headingRange.start.line)
            let end = body.file.range(line: headingRange.start.line, column: line.trimmingTrailingWhitespace().utf8.count + 1)
            let slug = Slug.make(from: title)
            engine.emit(Diagnostic(
                .missingIndicatorID,
                "indicator '\(title)' has no id; add one at the end of the heading, such as `{#\(slug)}`",
                at: headingRange,
                fixIts: [FixIt("add `{#\(slug)}`", range: end, replacement: " {#\(slug)}")]))
        }
        let descriptors = buildDescriptors(outline, title: title, headingRange: headingRange, in: body)
        guard let validID, !title.isEmpty else { return nil }
        return Indicator(id: validID, title: title, descriptors: descriptors, range: headingRange, idRange: idRange)
    }

    /// `Title {#id}` → ("Title", "id"); a heading without `{#…}` has no id.
    func splitHeading(_ text: String) -> (title: String, id: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else {
            return (trimmed, nil)
        }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        let title = trimmed[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
        return (title, id.trimmingCharacters(in: .whitespaces))
    }

    private func idRange(id: String?, headingRange: SourceRange, in file: SourceFile) -> SourceRange {
        guard let id, let column = file.column(of: "{#", inLine: headingRange.start.line) else { return headingRange }
        return file.range(line: headingRange.start.line, column: column + 2, length: id.utf8.count)
    }

    private func buildDescriptors(_ outline: BodyOutline.IndicatorOutline, title: String, headingRange: SourceRange,
                                  in body: MarkdownBody) -> [Descriptor] {
        let factory = RichTextFactory(engine: engine)
        var descriptors: [Descriptor] = []
        var seen: [String: SourceRange] = [:]
        // Levels already named by an unknown-level suggestion are not reported again as missing.
        var suggested: Set<String> = []
        var highestIndex = -1
        for level in outline.levels {
            let range = body.range(of: level.heading)
            let name = level.heading.inlineText.trimmingCharacters(in: .whitespaces)
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
                engine.emit(Diagnostic(
                    .unknownLevel,
                    "unknown level '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + (suggestion == nil ? "; the levels are " + levels.map(\.name).joined(separator: ", ") : ""),
                    at: range,
                    fixIts: suggestion.map { [FixIt("replace with '\($0)'", range: nameRange, replacement: $0)] } ?? []))
                continue
            }
            let level = levels[index]
            if let first = seen[level.id] {
                engine.emit(Diagnostic(.duplicateLevel, "level '\(level.name)' is described twice in '\(title)'",
                                       at: range, notes: [.init("first described here", at: first)]))
                continue
            }
            seen[level.id] = range
            if index < highestIndex {
                engine.emit(Diagnostic(
                    .levelOutOfOrder,
                    "level '\(level.name)' is out of order: levels run "
                        + levels.map(\.name).joined(separator: ", "),
                    at: range))
            }
            highestIndex = max(highestIndex, index)
            if text.isEmpty {
                engine.emit(Diagnostic(.emptyDescriptor,
                                       "the '\(level.name)' descriptor of '\(title)' is empty", at: range))
            }
            descriptors.append(Descriptor(levelID: level.id, text: text, range: fullRange))
        }
        if let levels {
            let missing = levels.filter { seen[$0.id] == nil && !suggested.contains($0.id) }
            if !missing.isEmpty {
                let names = missing.map { "'\($0.name)'" }.joined(separator: ", ")
                engine.emit(Diagnostic(
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
