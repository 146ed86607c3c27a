import StrategyModel

/// The Markdown files of a strategy folder, decoded and sorted by path, plus any problems reading them.
public struct SourceTree: Sendable {
    /// The folder as the user named it.
    public var root: String
    public var strategyFile: SourceFile?
    public var themeFiles: [SourceFile]
    public var keyAreaFiles: [SourceFile]
    public var diagnostics: [Diagnostic]
    /// How many Markdown files were found, readable or not.
    public var fileCount: Int
}
