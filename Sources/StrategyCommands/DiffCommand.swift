import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline
import StrategyRender
import StrategyDiagnostics

/// `strategyc diff OLD NEW`: what changed between two editions, by id.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what changed between two editions: added, retired, renamed, moved and reworded indices.",
        discussion: """
            OLD and NEW are strategy folders or git:REV[:PATH] (the Strategy folder, or PATH, at a git revision \
            of the current repository). The exit status is 0 whatever the differences, 1 if either side has \
            errors, 2 for a usage problem or a source that cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown
        case json
    }

    @Argument(help: "The older edition: a folder or git:REV[:PATH].")
    var old: String

    @Argument(help: "The newer edition: a folder or git:REV[:PATH].")
    var new: String

    @Option(help: "markdown (release notes) or json.")
    var format: Format = .markdown

    @Option(name: .customLong("diagnostics-format"), help: "How to write diagnostics: text, json or github.")
    var diagnosticsFormat: DiagnosticFormat = .text

    func run() throws {
        var sides: [EditionSource] = []
        defer { sides.forEach { $0.cleanUp() } }
        let collector = DiagnosticCollector()
        let reporter = try CompileOptions.parse(["--diagnostics-format", diagnosticsFormat.rawValue])
        for specification in [old, new] {
            do {
                sides.append(try EditionSource(specification))
            } catch {
                collector.report(Diagnostic(.folderUnreadable, "\(error)", at: SourceRange(at: .wholeFile(specification))))
                reporter.write(collector)
                throw ExitCode.usage
            }
        }
        // Each side is compiled on its own; its diagnostics show `git:REV:PATH` or the folder as given.
        var models: [Strategy] = []
        for side in sides {
            let sideCollector = DiagnosticCollector()
            let compilation = try reporter.perform(sideCollector) {
                try PublicationPipeline(PublicationRequest(strategyFolder: side.folder, generator: ""),
                                        collector: sideCollector).compile()
            }
            collector.report(side.display(sideCollector.diagnostics))
            if let strategy = compilation.strategy { models.append(strategy) }
        }
        guard models.count == 2, !collector.hasErrors else {
            try reporter.fail(collector)
        }
        reporter.write(collector)
        let diff = EditionDiff(from: models[0], to: models[1])
        switch format {
        case .markdown: Output.standardOutput(DiffRenderer().markdown(diff))
        case .json: FileHandle.standardOutput.write(DiffRenderer().json(diff))
        }
    }
}
