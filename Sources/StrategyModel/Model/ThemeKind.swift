/// What a theme groups: key areas of the strategy proper, or the enablers that support all of them.
public enum ThemeKind: String, Hashable, Sendable, CaseIterable {
    case theme
    case enablers
}
