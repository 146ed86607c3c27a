import StrategyCompiler
import StrategyModel
import StrategyDiagnostics
import StrategyRender

/// What the national strategy changed since the edition a variant was written against, as notes on the
/// `variant-base-moved` warning: a summary of the edition diff, then every change to an element the
/// variant names (leaves out, rewrites, prioritises or adds to), which is what the variant's editor must
/// review.
///
/// The old edition is the national strategy's `previous_edition` (or `--since`), used only when its edition
/// is the variant's `base_edition`; otherwise a note says how to provide it.
struct BaseChanges {
    let diff: EditionDiff

    /// Notes for a layer written against `diff.oldEdition`.
    func notes(for layer: VariantLayer) -> [Diagnostic.Note] {
        var notes = [Diagnostic.Note(summary)]
        var named: [String: String] = [:]  // id → what the layer does with it
        for exclusion in layer.exclusions { named[exclusion.id] = "leaves out" }
        for override in layer.overrides { named[override.id] = "rewrites" }
        for priority in layer.priorities { named[priority.keyAreaID] = "prioritises" }
        for addition in layer.additions { named[addition.keyAreaID] = "adds indicators to" }
        var reported: Set<String> = []
        for change in diff.changes where named[change.id] != nil && change.subject != .edition {
            guard let what = named[change.id] else { continue }
            let key = change.id + "\u{0}" + change.kind.rawValue
            guard reported.insert(key).inserted else { continue }
            notes.append(Diagnostic.Note("review '\(change.id)', which this variant \(what): \(describe(change))"))
        }
        return notes
    }

    /// `since edition 2022 the base added 2 key areas and 5 indicators, retired 1 indicator, reworded 14 texts`.
    var summary: String {
        var parts: [String] = []
        for kind in [Change.Kind.added, .retired, .reinstated, .removed, .renamed, .moved] {
            let counts = [Change.Subject.keyArea, .indicator, .theme, .level].compactMap { subject -> String? in
                let count = diff.count(kind, subject)
                return count > 0 ? "\(count) \(Self.noun(subject, count))" : nil
            }
            if !counts.isEmpty { parts.append("\(kind.rawValue) " + counts.joined(separator: " and ")) }
        }
        let texts = diff.changes.filter { $0.kind == .reworded }.count
        if texts > 0 { parts.append("reworded \(texts) text\(texts == 1 ? "" : "s")") }
        let what = parts.isEmpty ? "changed nothing but its edition" : parts.joined(separator: ", ")
        return "since edition \(diff.oldEdition) the base \(what); `strategyc diff` lists every change"
    }

    private func describe(_ change: Change) -> String {
        switch change.what {
        case .retired(let edition, let replacements):
            let by = replacements.isEmpty ? "" : ", replaced by " + replacements.map { "'\($0.id)'" }.joined(separator: ", ")
            return "retired in \(edition ?? diff.newEdition)\(by)"
        case .removed: return "removed"
        case .renamed(let from, let to): return "renamed from '\(from)' to '\(to)'"
        case .moved(let from, let to): return "moved from \(from) to \(to)"
        case .reworded(_, let fieldName, _, _): return "its \(fieldName) was reworded"
        case .reinstated: return "reinstated"
        case .added: return "added"
        case .reordered, .editionChanged: return "changed"
        }
    }

    private static func noun(_ subject: Change.Subject, _ count: Int) -> String {
        let singular: String
        switch subject {
        case .keyArea: singular = "key area"
        case .indicator: singular = "indicator"
        case .theme: singular = "theme"
        case .level: singular = "level"
        case .edition: singular = "edition"
        }
        return count == 1 ? singular : singular + "s"
    }
}
