import StrategyDiagnostics
/// Something that is part of the strategy but could not be built into the model: a theme, key-area or
/// additions file that could not be read, did not decode or parse, or whose front matter lacks what the
/// model needs; or an indicator heading with no valid id or title.
///
/// What it holds is unknown, so the checks that look across files and editions must not draw conclusions
/// from its absence: a key area that failed to parse is not a deleted key area (the fix-it to restore it
/// would overwrite the editor's work), and a `replaced_by`, a link or a variant's `exclude` naming an id it
/// may hold is not a reference to nothing. Such a check asks `Strategy.unbuilt(mayHold…)`, withholds its
/// verdict, and reports `uncheckedNote` instead: the collector keeps one per source, however many checks
/// withheld something because of it.
public struct UnbuiltSource: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case theme
        case keyArea = "key area"
        /// A variant's `additions/` file: local indicators added to a key area of its base.
        case additions = "addition"
        /// An indicator heading inside a key area that was built.
        case indicator
    }

    public var kind: Kind
    /// The file's path relative to the strategy (or variant) folder: `key-areas/showing-leadership/x.md`.
    public var relativePath: String
    /// The whole file, or an indicator's heading.
    public var range: SourceRange
    /// The id it gives, when it was read that far; nil when unknown (then it may hold any id).
    public var id: String?

    public init(kind: Kind, relativePath: String, range: SourceRange, id: String? = nil) {
        self.kind = kind
        self.relativePath = relativePath
        self.range = range
        self.id = id
    }

    /// A whole file.
    public init(kind: Kind, relativePath: String, path: String, id: String? = nil) {
        self.init(kind: kind, relativePath: relativePath, range: SourceRange(at: .wholeFile(path)), id: id)
    }

    /// The path as diagnostics show it.
    public var path: String { range.path }

    /// Said once for each source that made a check withhold its verdict: a note, since the source's own
    /// errors already fail the build.
    public var uncheckedNote: Diagnostic {
        let held = id.map { " (it gives the id '\($0)')" } ?? ""
        return Diagnostic(
            .idsUnchecked,
            "this \(kind.rawValue) could not be built\(held), so the checks across files and editions left alone "
                + "what it holds: no id is reported as gone or unknown because of it (ids kept since the previous "
                + "edition, `replaced_by`, links, themes, a variant's references); fix its errors and check again",
            at: kind == .indicator ? range : SourceRange(at: .wholeFile(path)))
    }
}

extension Strategy {
    /// What could not be built that may hold a key area with this id: the key-area files whose id is unknown
    /// or is this one.
    public func unbuilt(mayHoldKeyArea id: String) -> [UnbuiltSource] {
        unbuilt.filter { $0.kind == .keyArea && ($0.id == nil || $0.id == id) }
    }

    /// What could not be built that may hold an indicator with this id: any key-area or additions file that
    /// could not be built (indicators move between key areas), and any indicator heading that could not.
    public func unbuilt(mayHoldIndicator id: String) -> [UnbuiltSource] {
        unbuilt.filter { $0.kind != .theme } + allKeyAreas.flatMap { area in
            area.unbuiltIndicators.map { UnbuiltSource(kind: .indicator, relativePath: area.source, range: $0) }
        }
    }

    /// What could not be built that may hold a theme with this id.
    public func unbuilt(mayHoldTheme id: String) -> [UnbuiltSource] {
        unbuilt.filter { $0.kind == .theme && ($0.id == nil || $0.id == id) }
    }

    /// What could not be built that may hold a key area or an indicator with this id.
    public func unbuilt(mayHold id: String) -> [UnbuiltSource] {
        unbuilt(mayHoldKeyArea: id) + unbuilt(mayHoldIndicator: id)
    }
}
