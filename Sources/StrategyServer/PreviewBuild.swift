import Foundation
import StrategyModel
import StrategyDiagnostics

/// One build of the sources, as the preview server holds it: the site's files in memory, or none when the
/// sources had errors, and every diagnostic the build reported.
public struct PreviewBuild: Sendable {
    /// The built files by path relative to the site's root (`index.html`, `assets/style.css`); nil when the
    /// build failed and nothing should replace the last good build.
    public var files: [String: Data]?
    public var diagnostics: [Diagnostic]

    public init(files: [String: Data]?, diagnostics: [Diagnostic]) {
        self.files = files
        self.diagnostics = diagnostics
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var succeeded: Bool { files != nil && errorCount == 0 }
}
