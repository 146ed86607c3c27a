import StrategyModel

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
            changes.append(Change(.editionChanged(from: old.edition, to: new.edition), .edition, id: "edition", title: new.title))
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
                changes.append(Change(.added(summary: level.summary), .level, id: level.id, title: level.name))
                continue
            }
            if before.name != level.name {
                changes.append(Change(.renamed(from: before.name, to: level.name), .level, id: level.id, title: level.name))
            }
            if normalized(before.summary) != normalized(level.summary) {
                changes.append(Change(.reworded(field: "summary", fieldName: "summary", from: before.summary, to: level.summary),
                                      .level, id: level.id, title: level.name))
            }
        }
        for level in old.levels where !newIDs.contains(level.id) {
            changes.append(Change(.removed(summary: level.summary), .level, id: level.id, title: level.name))
        }
        let oldOrder = old.levels.map(\.id).filter(newIDs.contains)
        let newOrder = new.levels.map(\.id).filter { oldByID[$0] != nil }
        if oldOrder != newOrder {
            changes.append(Change(.reordered(from: old.levels.map(\.name).joined(separator: ", "),
                                             to: new.levels.map(\.name).joined(separator: ", ")),
                                  .level, id: "levels", title: "Levels"))
        }
        return changes
    }

    private static func themes(_ old: Strategy, _ new: Strategy) -> [Change] {
        var changes: [Change] = []
        let oldByID = Dictionary(old.themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.themes.map(\.id))
        for theme in new.themes {
            guard let before = oldByID[theme.id] else {
                changes.append(Change(.added(), .theme, id: theme.id, title: theme.title))
                continue
            }
            if before.title != theme.title {
                changes.append(Change(.renamed(from: before.title, to: theme.title), .theme, id: theme.id, title: theme.title))
            }
            if normalized(before.description.markdown) != normalized(theme.description.markdown) {
                changes.append(Change(.reworded(field: "description", fieldName: "description",
                                                from: before.description.markdown, to: theme.description.markdown),
                                      .theme, id: theme.id, title: theme.title))
            }
        }
        for theme in old.themes where !newIDs.contains(theme.id) {
            changes.append(Change(.removed(), .theme, id: theme.id, title: theme.title))
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
                    changes.append(Change(.added(), .keyArea, id: area.id, title: area.title, parent: parent))
                }
                continue
            }
            if before.status == .active && area.status == .retired {
                changes.append(Change(.retired(in: area.retirement?.edition,
                                               replacedBy: (area.retirement?.replacementIDs ?? []).map { .init(id: $0, title: newTitles[$0] ?? $0) }),
                                      .keyArea, id: area.id, title: area.title, parent: parent))
                continue
            }
            if before.status == .retired && area.status == .active {
                changes.append(Change(.reinstated, .keyArea, id: area.id, title: area.title, parent: parent))
            }
            guard area.status == .active else { continue }
            if before.title != area.title {
                changes.append(Change(.renamed(from: before.title, to: area.title), .keyArea, id: area.id, title: area.title,
                                      parent: parent))
            }
            if before.themeID != area.themeID {
                changes.append(Change(.moved(from: themeTitle(old, before.themeID), to: parent), .keyArea, id: area.id,
                                      title: area.title, parent: parent))
            }
            let sections: [(String, String, String?, String?)] = [
                ("description", "description", before.description.markdown, area.description.markdown),
                ("what-it-is", "what it is", before.whatItIs?.markdown, area.whatItIs?.markdown),
                ("why-it-is-important", "why it is important", before.whyItIsImportant?.markdown, area.whyItIsImportant?.markdown),
            ]
            for (field, name, was, now) in sections where normalized(was) != normalized(now) {
                changes.append(Change(.reworded(field: field, fieldName: name, from: was, to: now), .keyArea, id: area.id,
                                      title: area.title, parent: parent))
            }
        }
        let newIDs = Set(new.allKeyAreas.map(\.id))
        for area in old.allKeyAreas where !newIDs.contains(area.id) {
            changes.append(Change(.removed(), .keyArea, id: area.id, title: area.title, parent: themeTitle(old, area.themeID)))
        }
        return changes
    }

    private static func indicators(_ old: Strategy, _ new: Strategy) -> [Change] {
        var changes: [Change] = []
        var oldByID: [String: (indicator: Indicator, area: KeyArea)] = [:]
        for area in old.allKeyAreas { for indicator in area.indicators where oldByID[indicator.id] == nil { oldByID[indicator.id] = (indicator, area) } }
        var newIndicators: [String: (indicator: Indicator, area: KeyArea)] = [:]
        for area in new.allKeyAreas { for indicator in area.indicators where newIndicators[indicator.id] == nil { newIndicators[indicator.id] = (indicator, area) } }
        let levelName = Dictionary(new.levels.map { ($0.id, $0.name) } + old.levels.map { ($0.id, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        var newIDs: Set<String> = []
        for area in new.allKeyAreas {
            for indicator in area.indicators {
                newIDs.insert(indicator.id)
                guard let (before, beforeArea) = oldByID[indicator.id] else {
                    if indicator.status == .active && area.status == .active {
                        changes.append(Change(.added(), .indicator, id: indicator.id, title: indicator.title, parent: area.title))
                    }
                    continue
                }
                if before.status == .active && indicator.status == .retired {
                    changes.append(Change(.retired(in: indicator.retirement?.edition,
                                                   replacedBy: (indicator.retirement?.replacementIDs ?? []).map {
                                                       .init(id: $0, title: newIndicators[$0]?.indicator.title ?? $0, parent: newIndicators[$0]?.area.title)
                                                   }),
                                          .indicator, id: indicator.id, title: indicator.title, parent: area.title))
                    continue
                }
                if before.status == .retired && indicator.status == .active {
                    changes.append(Change(.reinstated, .indicator, id: indicator.id, title: indicator.title, parent: area.title))
                }
                guard indicator.status == .active, area.status == .active else { continue }
                if before.title != indicator.title {
                    changes.append(Change(.renamed(from: before.title, to: indicator.title), .indicator, id: indicator.id,
                                          title: indicator.title, parent: area.title))
                }
                if beforeArea.id != area.id {
                    changes.append(Change(.moved(from: beforeArea.title, to: area.title), .indicator, id: indicator.id,
                                          title: indicator.title, parent: area.title))
                }
                let levelIDs = new.levels.map(\.id) + old.levels.map(\.id).filter { id in !new.levels.contains { $0.id == id } }
                for levelID in levelIDs {
                    let was = before.descriptor(for: levelID)?.text.markdown
                    let now = indicator.descriptor(for: levelID)?.text.markdown
                    if normalized(was) != normalized(now) {
                        changes.append(Change(.reworded(field: levelID, fieldName: levelName[levelID] ?? levelID, from: was, to: now),
                                              .indicator, id: indicator.id, title: indicator.title, parent: area.title))
                    }
                }
            }
        }
        for area in old.allKeyAreas {
            for indicator in area.indicators where !newIDs.contains(indicator.id) {
                changes.append(Change(.removed(), .indicator, id: indicator.id, title: indicator.title, parent: area.title))
            }
        }
        return changes
    }
}
