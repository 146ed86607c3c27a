/// One difference between two editions of a strategy, found by following ids (never titles).
public struct Change: Hashable, Sendable, Codable {
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

    public var kind: Kind
    public var subject: Subject
    public var id: String
    /// The title in the new edition, or in the old one if the element is gone.
    public var title: String
    /// Where the element sits: the theme of a key area, the key area of an indicator.
    public var parent: String?
    /// What changed within the element: `description`, `what-it-is`, `why-it-is-important`, `summary`,
    /// or a level id for a descriptor.
    public var field: String?
    /// A readable name for `field` (the level's name for a descriptor).
    public var fieldName: String?
    public var old: String?
    public var new: String?
    /// For a retirement: the ids that replace the element, with their titles.
    public var replacedBy: [Replacement]

    public struct Replacement: Hashable, Sendable, Codable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public init(_ kind: Kind, _ subject: Subject, id: String, title: String, parent: String? = nil, field: String? = nil,
                fieldName: String? = nil, old: String? = nil, new: String? = nil, replacedBy: [Replacement] = []) {
        self.kind = kind
        self.subject = subject
        self.id = id
        self.title = title
        self.parent = parent
        self.field = field
        self.fieldName = fieldName
        self.old = old
        self.new = new
        self.replacedBy = replacedBy
    }
}
