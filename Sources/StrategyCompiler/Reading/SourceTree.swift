import StrategyModel
import StrategyDiagnostics

/// The Markdown files of a strategy folder, decoded and sorted by path, plus any problems reading them.
struct SourceTree: Sendable {
    /// The folder as the user named it.
    var root: String
    var strategyFile: SourceFile?
    /// `assessment.md`, when the strategy has one.
    var assessmentFile: SourceFile?
    var themeFiles: [SourceFile]
    var keyAreaFiles: [SourceFile]
    /// Theme and key-area files that are there but could not be read or decoded (or are links, which are
    /// never followed): the model builder records them, so that nothing takes their ids as gone.
    var unreadable: [UnbuiltSource] = []
    var diagnostics: [Diagnostic]
    /// How many Markdown files were found, readable or not.
    var fileCount: Int
}
