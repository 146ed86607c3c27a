import StrategyModel

/// The role of a Markdown file in a strategy folder, decided by where it sits.
///
/// The layout is fixed so that an editor can tell what a file is from its path alone:
/// `strategy.md` (and optionally `assessment.md`) at the top, one file per theme in `themes/`, and one file per key area or enabler anywhere
/// under `key-areas/` (by convention in a folder named after its theme).
enum SourceKind: Sendable, Equatable {
    case strategy
    /// `assessment.md`: the choices the workbook's "About this assessment" sheet offers.
    case assessment
    case theme
    case keyArea
    /// A Markdown file outside the layout; reported and skipped.
    case other

    init(relativePath: String) {
        let parts = relativePath.split(separator: "/")
        switch (parts.first, parts.count) {
        case ("strategy.md", 1): self = .strategy
        case ("assessment.md", 1): self = .assessment
        case ("themes", 2): self = .theme
        case ("key-areas", 2...): self = .keyArea
        default: self = .other
        }
    }
}

extension UnbuiltSource.Kind {
    /// The kind of element a file or linked folder at this path would hold: a theme file, or anything under
    /// `key-areas/` (a linked folder there may hold any number of key areas); nil elsewhere.
    init?(layoutOf relativePath: String) {
        let parts = relativePath.split(separator: "/")
        switch (parts.first, parts.count) {
        case ("themes", 2): self = .theme
        case ("themes", 1): self = .theme
        case ("key-areas", _): self = .keyArea
        default: return nil
        }
    }
}
