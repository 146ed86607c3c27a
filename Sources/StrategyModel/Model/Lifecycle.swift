import StrategyDiagnostics
/// Where an element (a key area, an enabler or an indicator) is in its life: published in this edition, or
/// retired, kept in the sources so its id is never reused and a diff can say what became of it.
public enum Lifecycle: Hashable, Sendable {
    case active
    case retired(Retirement)

    /// The facts of a retirement, each with where it is written.
    public struct Retirement: Hashable, Sendable {
        /// The edition it was retired in (`retired_in`). Nil only when the sources leave it out, which is an
        /// error: a model that passed `check` always has it.
        public var edition: String?
        public var editionRange: SourceRange?
        /// What took its place (`replaced_by`), in the order written.
        public var replacedBy: [Reference]

        public init(edition: String?, editionRange: SourceRange? = nil, replacedBy: [Reference] = []) {
            self.edition = edition
            self.editionRange = editionRange
            self.replacedBy = replacedBy
        }

        /// The ids of the replacements.
        public var replacementIDs: [String] { replacedBy.map(\.id) }
    }

    /// An id named in the sources, with where it is written.
    public struct Reference: Hashable, Sendable {
        public var id: String
        public var range: SourceRange?

        public init(_ id: String, at range: SourceRange? = nil) {
            self.id = id
            self.range = range
        }
    }

    /// `active` or `retired`, as the front matter and the export spell it.
    public var status: KeyAreaStatus {
        switch self {
        case .active: .active
        case .retired: .retired
        }
    }

    /// The retirement, for a retired element.
    public var retirement: Retirement? {
        guard case .retired(let retirement) = self else { return nil }
        return retirement
    }
}
