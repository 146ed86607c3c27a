import ArgumentParser
import Foundation
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
        let reporter = try CompileOptions.parse(["--diagnostics-format", diagnosticsFormat.rawValue])
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: new, generator: ""), collector: collector)
        switch try reporter.perform(collector, { try DiffAction(pipeline, old: old, new: new).perform() }) {
        case .unreadable:
            reporter.write(collector)
            throw ExitCode.usage
        case nil:
            try reporter.fail(collector)
        case .compared(let diff):
            reporter.write(collector)
            switch format {
            case .markdown: Output.standardOutput(DiffRenderer().markdown(diff))
            case .json: FileHandle.standardOutput.write(DiffRenderer().json(diff))
            }
        }
    }
}
