import StrategyModel

/// One difference between two editions of a strategy, found by following ids (never titles).
public struct Change: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The id is new in this edition.
        case added
        /// The element was active and is now retired (kept, not published).
        case retired
        /// A retired element is active again.
        case reinstated
        /// The id disappeared from the sources altogether, which breaks the rule that retired elements stay.
        case removed
        /// Same id, new title (or level name).
        case renamed
        /// Same id, now in another theme (key areas) or key area (indicators).
        case moved
        /// Same id, different text: a description, a help section, a level summary or one descriptor.
        case reworded
        /// The levels are in a different order.
        case reordered
        /// The edition label changed.
        case changed
    }

    public enum Subject: String, Hashable, Sendable, Codable, CaseIterable {
        case edition
        case level
        case theme
        case keyArea = "key-area"
        case indicator
    }

    /// What happened to the element, with exactly the facts that kind of change has.
    public enum What: Hashable, Sendable {
        /// New in this edition; a new level carries its summary.
        case added(summary: String? = nil)
        /// Active before, retired now: in which edition, and what took its place.
        case retired(in: String?, replacedBy: [Replacement])
        case reinstated
        /// Gone from the sources (a removed level keeps its old summary for the report).
        case removed(summary: String? = nil)
        case renamed(from: String, to: String)
        /// To another theme (key areas) or key area (indicators), named by title.
        case moved(from: String, to: String)
        /// One text changed: `field` is `description`, `what-it-is`, `why-it-is-important`, `summary`, or a
        /// level id for a descriptor; `fieldName` is how to call it in a report.
        case reworded(field: String, fieldName: String, from: String?, to: String?)
        /// The levels, listed by name in the old and new order.
        case reordered(from: String, to: String)
        case editionChanged(from: String, to: String)
    }

    public var subject: Subject
    public var id: String
    /// The title in the new edition, or in the old one if the element is gone.
    public var title: String
    /// Where the element sits: the theme of a key area, the key area of an indicator.
    public var parent: String?
    public var what: What

    public struct Replacement: Hashable, Sendable, Codable {
        public var id: String
        public var title: String
        /// For an indicator, its key area's title: an indicator's title alone is shared by many key areas.
        public var parent: String?

        public init(id: String, title: String, parent: String? = nil) {
            self.id = id
            self.title = title
            self.parent = parent
        }
    }

    public init(_ what: What, _ subject: Subject, id: String, title: String, parent: String? = nil) {
        self.what = what
        self.subject = subject
        self.id = id
        self.title = title
        self.parent = parent
    }

    /// The kind of change, for grouping a report.
    public var kind: Kind {
        switch what {
        case .added: .added
        case .retired: .retired
        case .reinstated: .reinstated
        case .removed: .removed
        case .renamed: .renamed
        case .moved: .moved
        case .reworded: .reworded
        case .reordered: .reordered
        case .editionChanged: .changed
        }
    }
}

extension Change: Encodable {
    /// The JSON form (`strategyc diff --format json`), flat so that scripts can filter on `kind`: `field`,
    /// `fieldName`, `old` and `new` appear where the kind has them, and `replacedBy` always.
    private struct Flat: Encodable {
        var kind: Kind
        var subject: Subject
        var id: String
        var title: String
        var parent: String?
        var field: String?
        var fieldName: String?
        var old: String?
        var new: String?
        var replacedBy: [Replacement] = []
    }

    public func encode(to encoder: Encoder) throws {
        var flat = Flat(kind: kind, subject: subject, id: id, title: title, parent: parent)
        switch what {
        case .added(let summary): flat.new = summary
        case .removed(let summary): flat.old = summary
        case .retired(let edition, let replacements):
            flat.new = edition
            flat.replacedBy = replacements
        case .reinstated: break
        case .renamed(let from, let to), .moved(let from, let to), .reordered(let from, let to),
             .editionChanged(let from, let to):
            flat.old = from
            flat.new = to
        case .reworded(let field, let fieldName, let from, let to):
            flat.field = field
            flat.fieldName = fieldName
            flat.old = from
            flat.new = to
        }
        try flat.encode(to: encoder)
    }
}
