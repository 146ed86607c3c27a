/// The changes from one edition of a strategy to the next, element by element and id by id.
///
/// A title change is a rename of the same id, never a removal plus an addition; a key area that moves to
/// another theme is a move. Text is compared with runs of white space folded, so re-wrapping a paragraph
/// is not a change. Changes come in a fixed order (edition, levels, themes, key areas, indicators, each
/// in the new edition's order), so the same two editions always give the same report.
public struct EditionDiff: Sendable, Equatable {
    public var oldEdition: String
    public var newEdition: String
    public var changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }

    public init(from old: Strategy, to new: Strategy) {
        oldEdition = old.edition
        newEdition = new.edition
        var changes: [Change] = []
        if old.edition != new.edition {
            changes.append(Change(.changed, .edition, id: "edition", title: new.title, old: old.edition, new: new.edition))
        }
        changes += Self.levels(old, new)
        changes += Self.themes(old, new)
        changes += Self.keyAreas(old, new)
        changes += Self.indicators(old, new)
        self.changes = changes
    }

    /// How many changes of each kind concern each subject.
    public func count(_ kind: Change.Kind, _ subject: Change.Subject) -> Int {
        changes.filter { $0.kind == kind && $0.subject == subject }.count
    }

    /// Folds runs of white space so that re-wrapped text compares equal.
    static func normalized(_ text: String?) -> String {
        (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private static func levels(_ old: Strategy, _ new: Strategy) -> [Change] {
        var changes: [Change] = []
        let oldByID = Dictionary(old.levels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.levels.map(\.id))
        for level in new.levels {
            guard let before = oldByID[level.id] else {
                changes.append(Change(.added, .level, id: level.id, title: level.name, new: level.summary))
                continue
            }
            if before.name != level.name {
                changes.append(Change(.renamed, .level, id: level.id, title: level.name, old: before.name, new: level.name))
            }
            if normalized(before.summary) != normalized(level.summary) {
                changes.append(Change(.reworded, .level, id: level.id, title: level.name, field: "summary",
                                      fieldName: "summary", old: before.summary, new: level.summary))
            }
        }
        for level in old.levels where !newIDs.contains(level.id) {
            changes.append(Change(.removed, .level, id: level.id, title: level.name, old: level.summary))
        }
        let oldOrder = old.levels.map(\.id).filter(newIDs.contains)
        let newOrder = new.levels.map(\.id).filter { oldByID[$0] != nil }
        if oldOrder != newOrder {
            changes.append(Change(.reordered, .level, id: "levels", title: "Levels",
                                  old: old.levels.map(\.name).joined(separator: ", "),
                                  new: new.levels.map(\.name).joined(separator: ", ")))
        }
        return changes
    }

    private static func themes(_ old: Strategy, _ new: Strategy) -> [Change] {
        var changes: [Change] = []
        let oldByID = Dictionary(old.themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.themes.map(\.id))
        for theme in new.themes {
            guard let before = oldByID[theme.id] else {
                changes.append(Change(.added, .theme, id: theme.id, title: theme.title))
                continue
            }
            if before.title != theme.title {
                changes.append(Change(.renamed, .theme, id: theme.id, title: theme.title, old: before.title, new: theme.title))
            }
            if normalized(before.description.markdown) != normalized(theme.description.markdown) {
                changes.append(Change(.reworded, .theme, id: theme.id, title: theme.title, field: "description",
                                      fieldName: "description", old: before.description.markdown, new: theme.description.markdown))
            }
        }
        for theme in old.themes where !newIDs.contains(theme.id) {
            changes.append(Change(.removed, .theme, id: theme.id, title: theme.title))
        }
        return changes
    }

    private static func keyAreas(_ old: Strategy, _ new: Strategy) -> [Change] {
        var changes: [Change] = []
        let oldByID = Dictionary(old.allKeyAreas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newTitles = Dictionary(new.allKeyAreas.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let themeTitle = { (strategy: Strategy, id: String) in strategy.themes.first { $0.id == id }?.title ?? id }
        for area in new.allKeyAreas {
            let parent = themeTitle(new, area.themeID)
            guard let before = oldByID[area.id] else {
                if area.status == .active {
                    changes.append(Change(.added, .keyArea, id: area.id, title: area.title, parent: parent))
                }
                continue
            }
            if before.status == .active && area.status == .retired {
                changes.append(Change(.retired, .keyArea, id: area.id, title: area.title, parent: parent,
                                      new: area.retiredIn,
                                      replacedBy: area.replacedBy.map { .init(id: $0, title: newTitles[$0] ?? $0) }))
                continue
            }
            if before.status == .retired && area.status == .active {
                changes.append(Change(.reinstated, .keyArea, id: area.id, title: area.title, parent: parent))
            }
            guard area.status == .active else { continue }
            if before.title != area.title {
                changes.append(Change(.renamed, .keyArea, id: area.id, title: area.title, parent: parent,
                                      old: before.title, new: area.title))
            }
            if before.themeID != area.themeID {
                changes.append(Change(.moved, .keyArea, id: area.id, title: area.title, parent: parent,
                                      old: themeTitle(old, before.themeID), new: parent))
            }
            let sections: [(String, String, String?, String?)] = [
                ("description", "description", before.description.markdown, area.description.markdown),
                ("what-it-is", "what it is", before.whatItIs?.markdown, area.whatItIs?.markdown),
                ("why-it-is-important", "why it is important", before.whyItIsImportant?.markdown, area.whyItIsImportant?.markdown),
            ]
            for (field, name, was, now) in sections where normalized(was) != normalized(now) {
                changes.append(Change(.reworded, .keyArea, id: area.id, title: area.title, parent: parent,
                                      field: field, fieldName: name, old: was, new: now))
            }
        }
        let newIDs = Set(new.allKeyAreas.map(\.id))
        for area in old.allKeyAreas where !newIDs.contains(area.id) {
            changes.append(Change(.removed, .keyArea, id: area.id, title: area.title, parent: themeTitle(old, area.themeID)))
        }
        return changes
    }

    private static func indicators(_ old: Strategy, _ new: Strategy) -> [Change] {
        var changes: [Change] = []
        var oldByID: [String: (indicator: Indicator, area: KeyArea)] = [:]
        for area in old.allKeyAreas { for indicator in area.indicators where oldByID[indicator.id] == nil { oldByID[indicator.id] = (indicator, area) } }
        var newTitles: [String: String] = [:]
        for indicator in new.allIndicators { newTitles[indicator.id] = indicator.title }
        let levelName = Dictionary(new.levels.map { ($0.id, $0.name) } + old.levels.map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        var newIDs: Set<String> = []
        for area in new.allKeyAreas {
            for indicator in area.indicators {
                newIDs.insert(indicator.id)
                guard let (before, beforeArea) = oldByID[indicator.id] else {
                    if indicator.status == .active && area.status == .active {
                        changes.append(Change(.added, .indicator, id: indicator.id, title: indicator.title, parent: area.title))
                    }
                    continue
                }
                if before.status == .active && indicator.status == .retired {
                    changes.append(Change(.retired, .indicator, id: indicator.id, title: indicator.title, parent: area.title,
                                          new: indicator.retiredIn,
                                          replacedBy: indicator.replacedBy.map { .init(id: $0, title: newTitles[$0] ?? $0) }))
                    continue
                }
                if before.status == .retired && indicator.status == .active {
                    changes.append(Change(.reinstated, .indicator, id: indicator.id, title: indicator.title, parent: area.title))
                }
                guard indicator.status == .active, area.status == .active else { continue }
                if before.title != indicator.title {
                    changes.append(Change(.renamed, .indicator, id: indicator.id, title: indicator.title, parent: area.title,
                                          old: before.title, new: indicator.title))
                }
                if beforeArea.id != area.id {
                    changes.append(Change(.moved, .indicator, id: indicator.id, title: indicator.title, parent: area.title,
                                          old: beforeArea.title, new: area.title))
                }
                let levelIDs = new.levels.map(\.id) + old.levels.map(\.id).filter { id in !new.levels.contains { $0.id == id } }
                for levelID in levelIDs {
                    let was = before.descriptor(for: levelID)?.text.markdown
                    let now = indicator.descriptor(for: levelID)?.text.markdown
                    if normalized(was) != normalized(now) {
                        changes.append(Change(.reworded, .indicator, id: indicator.id, title: indicator.title, parent: area.title,
                                              field: levelID, fieldName: levelName[levelID] ?? levelID, old: was, new: now))
                    }
                }
            }
        }
        for area in old.allKeyAreas {
            for indicator in area.indicators where !newIDs.contains(indicator.id) {
                changes.append(Change(.removed, .indicator, id: indicator.id, title: indicator.title, parent: area.title))
            }
        }
        return changes
    }
}
