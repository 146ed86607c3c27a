import Foundation
import StrategyModel
import StrategyRules
import StrategyDiagnostics

/// The result of compiling a strategy folder: the model, when one could be built, and every diagnostic.
public struct Compilation: Sendable {
    /// Present when the strategy file and levels were readable. Callers must not publish it when
    /// `diagnostics` contains an error.
    public var strategy: Strategy?
    /// Sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// How many Markdown files were read.
    public var fileCount: Int

    public init(strategy: Strategy?, diagnostics: [Diagnostic], fileCount: Int) {
        self.strategy = strategy
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    /// Whether the sources are fit to publish.
    public var succeeded: Bool { strategy != nil && !diagnostics.containsErrors }
}

/// The pipeline: read → parse → build → check.
public struct StrategyCompiler {
    public init() {}

    /// Compiles the strategy in `folder`, reporting into `collector` (by default one of its own). Throws
    /// only when the folder itself cannot be read; every problem in the sources is a diagnostic, both in
    /// the collector and in the result.
    public func compile(folder: String, reportingTo collector: DiagnosticCollector = DiagnosticCollector()) throws -> Compilation {
        compile(try StrategyReader().read(folder: folder), reportingTo: collector)
    }

    /// Compiles files held in memory, by path relative to the strategy folder (`strategy.md`,
    /// `key-areas/…`); `root` only names them in diagnostics. For fuzzing, and for an editor's unsaved
    /// buffers. Never throws: there is no folder to fail to read.
    public func compile(files: [(relativePath: String, data: Data)], root: String = "Strategy",
                        reportingTo collector: DiagnosticCollector = DiagnosticCollector()) -> Compilation {
        compile(StrategyReader().read(files: files, root: root), reportingTo: collector)
    }

    private func compile(_ tree: SourceTree, reportingTo collector: DiagnosticCollector) -> Compilation {
        let start = collector.mark
        collector.report(tree.diagnostics)
        let strategy = ModelBuilder(collector: collector).build(tree)
        if let strategy {
            RuleRegistry.standard.check(.model, RuleContext(strategy: strategy), reportingTo: collector)
        }
        return Compilation(strategy: strategy, diagnostics: collector.diagnostics(since: start), fileCount: tree.fileCount)
    }

    /// Builds one key-area file against a strategy compiled before, using its levels and themes, without
    /// compiling the other files again: for an editor's unsaved buffer, and for fuzzing the file parser
    /// (front matter and body) at thousands of inputs a second. Problems go to `collector`, positioned in
    /// `root/relativePath`; the whole-model rules are left to `RuleRegistry`.
    public func compileKeyArea(_ data: Data, relativePath: String, in strategy: Strategy, root: String = "Strategy",
                               reportingTo collector: DiagnosticCollector) -> KeyArea? {
        guard let file = StrategyReader().decode(data, path: root + "/" + relativePath, relativePath: relativePath,
                                                 reportingTo: collector) else { return nil }
        let themes = Dictionary(strategy.themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return KeyAreaBuilder(collector: collector, levels: strategy.levels, themes: themes).build(file)
    }
}
