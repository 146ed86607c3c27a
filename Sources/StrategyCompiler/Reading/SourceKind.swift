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
