import StrategyModel

/// An edition diff arranged for people: sections by subject, groups by kind of change, one item per
/// change. The Markdown release notes and the site's "What changed" page are both made from it.
struct DiffReport {
    struct Item: TemplateFields {
        /// One sentence, plain text.
        var headline: String
        /// Old and new text, for rewordings worth quoting.
        var old: String?
        var new: String?
        /// Stored, not computed: Mustache sees only stored properties.
        var hasTexts: Bool
        /// Where the site shows what the change names; nil in release notes and for what is gone.
        var href: String?
        var hasLink: Bool

        init(headline: String, old: String? = nil, new: String? = nil, href: String? = nil) {
            self.headline = headline
            self.old = old
            self.new = new
            hasTexts = old != nil || new != nil
            self.href = href
            hasLink = href != nil
        }
    }

    struct Group: TemplateFields {
        var title: String
        var items: [Item]
    }

    struct Section: TemplateFields {
        var title: String
        var groups: [Group]
    }

    var title: String
    var summary: String
    var sections: [Section]
    var isEmpty: Bool

    /// - Parameter href: where a change's element is shown (the site's pages); nil for plain release notes.
    init(_ diff: EditionDiff, href: (Change) -> String? = { _ in nil }) {
        title = diff.oldEdition == diff.newEdition
            ? "Changes in edition \(diff.newEdition)"
            : "Changes from edition \(diff.oldEdition) to edition \(diff.newEdition)"
        isEmpty = diff.isEmpty
        summary = Self.summary(diff)
        let subjects: [(Change.Subject, String)] = [
            (.edition, "Edition"), (.level, "Levels"), (.theme, "Themes"),
            (.keyArea, "Key areas and enablers"), (.indicator, "Indicators"),
        ]
        sections = subjects.compactMap { subject, title in
            let groups: [Group] = Change.Kind.allCases.compactMap { kind in
                let items = diff.changes.filter { $0.subject == subject && $0.kind == kind }.map { change in
                    var item = Self.item(change)
                    item.href = href(change)
                    item.hasLink = item.href != nil
                    return item
                }
                return items.isEmpty ? nil : Group(title: Self.groupTitle(kind, subject), items: items)
            }
            return groups.isEmpty ? nil : Section(title: title, groups: groups)
        }
    }

    private static func summary(_ diff: EditionDiff) -> String {
        guard !diff.isEmpty else { return "No changes: the two editions have the same content." }
        let nouns: [(Change.Subject, String, String)] = [
            (.level, "level", "levels"), (.theme, "theme", "themes"), (.keyArea, "key area", "key areas"),
            (.indicator, "indicator", "indicators"),
        ]
        // Every change counted is named, so that the parts add up to the total: the edition's own change too.
        var parts = diff.changes.compactMap { change -> String? in
            guard case .editionChanged(let from, let to) = change.what else { return nil }
            return "the edition changed from \(from) to \(to)"
        }
        for (subject, one, many) in nouns {
            for kind in Change.Kind.allCases {
                let n = diff.count(kind, subject)
                guard n > 0 else { continue }
                let noun = n == 1 ? one : many
                parts.append(kind == .reworded && subject == .indicator
                             ? "\(n) \(n == 1 ? "descriptor" : "descriptors") reworded"
                             : kind == .reworded ? "\(n) \(one) \(n == 1 ? "text" : "texts") reworded"
                             : "\(n) \(noun) \(kind.rawValue)")
            }
        }
        return "\(diff.changes.count) \(diff.changes.count == 1 ? "change" : "changes"): " + parts.joined(separator: ", ") + "."
    }

    private static func groupTitle(_ kind: Change.Kind, _ subject: Change.Subject) -> String {
        switch kind {
        case .added: "Added"
        case .retired: "Retired"
        case .reinstated: "Reinstated"
        case .removed: "Removed from the sources (not retired)"
        case .renamed: "Renamed"
        case .moved: "Moved"
        case .reworded: subject == .indicator ? "Reworded descriptors" : "Reworded"
        case .reordered: "Reordered"
        case .changed: "Changed"
        }
    }

    private static func item(_ change: Change) -> Item {
        let where_ = change.parent.map { ", in \($0)" } ?? ""
        let label = "\(change.title) (\(change.id)\(where_))"
        switch change.what {
        case .editionChanged(let from, let to):
            return Item(headline: "The edition changed from \(from) to \(to).")
        case .added:
            return Item(headline: "New: \(label).")
        case .retired(let edition, let replacements):
            var line = "Retired" + (edition.map { " in \($0)" } ?? "") + ": \(label)."
            if !replacements.isEmpty {
                line += " Replaced by " + replacements.map { "\($0.title) (\($0.id)\($0.parent.map { ", in \($0)" } ?? ""))" }
                    .joined(separator: " and ") + "."
            }
            return Item(headline: line)
        case .reinstated:
            return Item(headline: "Active again: \(label).")
        case .removed:
            return Item(headline: "Deleted from the sources instead of being retired: \(label).")
        case .renamed(let from, let to):
            return Item(headline: "\u{201C}\(from)\u{201D} is now \u{201C}\(to)\u{201D} (\(change.id)\(where_)).")
        case .moved(let from, let to):
            return Item(headline: "\(change.title) (\(change.id)) moved from \(from) to \(to).")
        case .reworded(_, let fieldName, let from, let to):
            let what = change.subject == .indicator ? "\(fieldName) descriptor" : fieldName
            return Item(headline: "\(label): \(what) reworded.", old: from ?? "(none)", new: to ?? "(none)")
        case .reordered(let from, let to):
            return Item(headline: "The levels are in a new order.", old: from, new: to)
        }
    }
}
