import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline
import StrategyDiagnostics
import StrategySupport

/// `strategyc new key-area|enabler|indicator`: scaffolds a new index with every level present and
/// placeholder text that `check` reports until it is written. Never overwrites a file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a new key area, enabler or indicator.",
        subcommands: [NewKeyArea.self, NewEnabler.self, NewIndicator.self, NewVariant.self]
    )
}

/// Options every `new` subcommand shares.
struct NewOptions: ParsableArguments {
    /// Positional, as for every other command.
    @Argument(help: "The strategy folder.", completion: .directory)
    var folder: String?

    /// `--strategy`, the first releases' spelling: hidden, and kept so that scripts using it keep working.
    @Option(name: .customLong("strategy"), help: .hidden)
    var legacyFolder: String?

    var strategy: String { folder ?? legacyFolder ?? "Strategy" }

    @Option(help: "The title of the new element.")
    var title: String

    func validate() throws {
        guard !title.trimmingSpaces().isEmpty else { throw ValidationError("--title must not be empty") }
        guard !Slug.make(from: title).isEmpty else {
            throw ValidationError("--title needs letters or digits, to make an id from")
        }
    }

    /// Scaffolds `element` through `NewElementAction` and says what it wrote. Scaffolding into a strategy
    /// with errors could only add to the confusion, so those stop it; only errors are shown (warnings, such
    /// as the placeholders of an earlier `new`, are `check`'s business).
    func perform(_ element: NewElementAction.Element) throws {
        let reporter = try CompileOptions.parse([strategy])
        let collector = DiagnosticCollector()
        let action = NewElementAction(PublicationPipeline(reporter.request(), collector: collector), element: element, title: title)
        switch try reporter.perform(collector, { try action.perform() }) {
        case nil:
            reporter.write(collector.diagnostics.filter { $0.severity == .error })
            throw ExitCode.errors
        case .refused(let reason):
            throw ValidationError(reason)
        case .exists(let path):
            Output.standardError("strategyc: error: \(path) already exists; strategyc new never overwrites a file\n")
            throw ExitCode.errors
        case .keyArea(let path, let isEnabler, let id, let indicator):
            // The ids it chose, which `replaced_by`, links and variants name: said, not left to be looked up.
            Output.standardOutput("wrote \(path): \(isEnabler ? "enabler" : "key area") '\(id)' with indicator '\(indicator)'\n")
        case .indicator(let path, let line, let id, let keyArea, let retired):
            Output.standardOutput("wrote \(path):\(line): indicator '\(id)' in \(retired ? "retired " : "")key area '\(keyArea)'\n")
        }
    }
}

struct NewKeyArea: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "key-area", abstract: "Scaffold a key area in a theme.")

    @Option(help: "The id of the theme it belongs to.")
    var theme: String

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.perform(.keyArea(theme: theme))
    }
}

struct NewEnabler: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enabler", abstract: "Scaffold an enabler.")

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.perform(.enabler)
    }
}

struct NewIndicator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator", abstract: "Add an indicator to the end of a key area's indicators.")

    @Option(name: .customLong("key-area"), help: "The id of the key area or enabler.")
    var keyArea: String

    @OptionGroup var options: NewOptions

    func run() throws {
        try options.perform(.indicator(keyArea: keyArea))
    }
}
