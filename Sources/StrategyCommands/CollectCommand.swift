import ArgumentParser
import Foundation
import StrategyPipeline
import StrategyStore

/// `strategyc collect open|serve|close|backup --store FILE`: the online diagnostic, over the same store as
/// `returns add`. See docs/collect.md.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Run the assessment as an online diagnostic: open a round, serve it, close it, back it up.",
        discussion: "Answers submitted online become returns in the store, like workbooks added with `returns add`. See docs/collect.md.",
        subcommands: [CollectOpenCommand.self, CollectCloseCommand.self, CollectBackupCommand.self]
    )
}

/// `--round`: the year a round is of, for every `collect` subcommand that names one.
struct RoundOption: ParsableArguments {
    @Option(help: "The round: the year it is asked for, such as 2026.")
    var round: String
}

struct CollectOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a round of the strategy or a variant, and write one invitation link per organisation.",
        discussion: """
            The organisations file is CSV with at least the columns name, type and region (type and region \
            from assessment.md's lists). Every problem is reported at its row and column, and nothing is \
            opened if there is any. The links file (organisation, type, region, link) is the only copy of \
            the invitation tokens: it is written readable by its owner alone, and never over an existing file.
            """
    )

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var roundOption: RoundOption
    @OptionGroup var options: CompileOptions
    @OptionGroup var variant: VariantOption

    @Option(help: "The organisations invited (CSV: name, type, region).", completion: .file(extensions: ["csv"]))
    var organisations: String

    @Option(help: "Where to write the invitation links (CSV); a new file.", completion: .file(extensions: ["csv"]))
    var links: String

    @Option(name: .customLong("base-url"), help: "The address respondents reach the server at, which the links start with.")
    var baseURL: String = "http://127.0.0.1:8080"

    @Option(help: "The folder of the variants the round's returns may be read against.", completion: .directory)
    var variants: String = "Variants"

    func run() throws {
        let collector = options.makeCollector()
        let action = OpenRoundAction(
            PublicationPipeline(options.request(), collector: collector), store: storeOptions.store, round: roundOption.round,
            variant: variant.folder, organisations: organisations, links: links, baseURL: baseURL, variantsFolder: variants,
            openedAt: StoreOptions.now)
        guard let outcome = try options.perform(collector, { try action.perform() }) else { try options.fail(collector) }
        try options.finish(collector)
        let of = outcome.round.variant.map { "variant '\($0)'" } ?? "the national strategy"
        Output.wrote(options, "wrote \(links): \(outcome.invitations) invitation link\(outcome.invitations == 1 ? "" : "s") "
            + "to round \(outcome.round.round) of \(of), opened in \(storeOptions.store)")
    }
}

struct CollectCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Lock a round: nothing more is saved or submitted in it.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var roundOption: RoundOption

    @Option(help: "The variant whose round to close (its folder), when it is not the national round.", completion: .directory)
    var variant: String?

    @OptionGroup var reporting: DiagnosticOptions

    func run() throws {
        let collector = reporting.makeCollector()
        let action = CloseRoundAction(
            PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "strategyc \(StrategycVersion.current)"),
                                collector: collector),
            store: storeOptions.store, round: roundOption.round, variant: variant, closedAt: StoreOptions.now)
        guard let outcome = try reporting.perform(collector, { try action.perform() }) else { try reporting.fail(collector) }
        try reporting.finish(collector)
        switch outcome {
        case .closed(let round):
            Output.wrote(reporting, "wrote \(storeOptions.store): round \(round.round) closed at \(round.closedAt ?? "")")
        case .alreadyClosed(let round):
            Output.wrote(reporting, "\(storeOptions.store): round \(round.round) was already closed, at \(round.closedAt ?? ""); nothing changed")
        }
    }
}

struct CollectBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store while it is in use (SQLite's backup API) to a new file.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The copy to make (a new file).", completion: .file(extensions: ["sqlite"]))
    var to: String

    @OptionGroup var reporting: DiagnosticOptions

    func run() throws {
        let collector = reporting.makeCollector()
        let action = BackupStoreAction(
            PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", generator: "strategyc \(StrategycVersion.current)"),
                                collector: collector),
            store: storeOptions.store, destination: to)
        guard try reporting.perform(collector, { try action.perform() }) != nil else { try reporting.fail(collector) }
        try reporting.finish(collector)
        Output.wrote(reporting, "wrote \(to): a copy of \(storeOptions.store)")
    }
}
