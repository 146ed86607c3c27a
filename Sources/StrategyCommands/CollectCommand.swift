import ArgumentParser
import Foundation
import NIOCore
import StrategyCollect
import StrategyPipeline
import StrategyStore

/// `strategyc collect open|serve|close|backup --store FILE`: the online diagnostic, over the same store as
/// `returns add`. See docs/collect.md.
struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Run the assessment as an online diagnostic: open a round, serve it, close it, back it up.",
        discussion: "Answers submitted online become returns in the store, like workbooks added with `returns add`. See docs/collect.md.",
        subcommands: [CollectOpenCommand.self, CollectServeCommand.self, CollectCloseCommand.self, CollectBackupCommand.self]
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

struct CollectServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve every round of the store to its respondents, until Ctrl-C.",
        discussion: """
            Listens on http://127.0.0.1:8080/ unless --host and --port say otherwise. Behind a TLS proxy, give \
            --secure-cookies so that the session cookie is only sent over TLS. Nothing is kept in memory that \
            is not in the store, so the server can be stopped at any moment. See docs/collect.md.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The address to listen on. Any other than 127.0.0.1 or localhost lets other machines reach it.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure (the server is reached over TLS).")
    var secureCookies = false

    @Option(name: .customLong("trusted-proxy"),
            help: ArgumentHelp("The address of a reverse proxy in front of the server (repeat for several).",
                               discussion: "From it alone, X-Forwarded-For names the client whose wrong tokens are counted."))
    var trustedProxies: [String] = []

    @OptionGroup var templates: TemplatesOption
    @OptionGroup var reporting: DiagnosticOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let collector = reporting.makeCollector()
        let generator = "strategyc \(StrategycVersion.current)"
        let pipeline = PublicationPipeline(PublicationRequest(strategyFolder: "Strategy", templates: templates.source, generator: generator),
                                           collector: collector)
        let action = PrepareRoundsAction(pipeline, store: storeOptions.store)
        guard let prepared = try reporting.perform(collector, { try action.perform() }), !collector.hasErrors else {
            try reporting.fail(collector)
        }
        reporting.write(collector)
        // The server's own folder, for the workbooks it reads back and the reports it renders.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-collect-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: work) }
        // The crash test's hook: stop dead inside a submission's transaction, before its commit.
        let crashes = ProcessInfo.processInfo.environment["STRATEGYC_TEST_CRASH_DURING_SUBMIT"] == "1"
        let crash: (@Sendable () -> Void)? = crashes ? { @Sendable in _ = kill(getpid(), SIGKILL) } : nil
        let server = CollectServer(store: prepared.store, rounds: prepared.rounds,
                                   options: .init(host: host, port: port, secureCookies: secureCookies, generator: generator, workFolder: work,
                                                  trustedProxies: trustedProxies),
                                   duringSubmit: crash)
        let rounds = prepared.rounds.map { "\($0.round.round)" + ($0.round.variant.map { " (variant \($0))" } ?? "") + ($0.round.isOpen ? "" : ", closed") }
        let local = ["127.0.0.1", "localhost", "::1"].contains(host)
        do {
            try await server.run { host, port in
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                Output.standardOutput("Serving round \(rounds.joined(separator: ", round ")) of \(storeOptions.store) at \(url) (Ctrl-C to stop)\n")
                if !local {
                    Output.standardError("strategyc: warning: listening on \(host): other machines can reach the diagnostic; put it behind TLS\n")
                }
            }
        } catch let error as IOError {
            Output.standardError("strategyc: error: cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode)))\n")
            throw ExitCode.usage
        }
        Output.standardOutput("Stopped serving; every saved page is in \(storeOptions.store).\n")
    }
}
