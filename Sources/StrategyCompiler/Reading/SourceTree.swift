import StrategyModel

/// The Markdown files of a strategy folder, decoded and sorted by path, plus any problems reading them.
struct SourceTree: Sendable {
    /// The folder as the user named it.
    var root: String
    var strategyFile: SourceFile?
    /// `assessment.md`, when the strategy has one.
    var assessmentFile: SourceFile?
    var themeFiles: [SourceFile]
    var keyAreaFiles: [SourceFile]
    var diagnostics: [Diagnostic]
    /// How many Markdown files were found, readable or not.
    var fileCount: Int
}
