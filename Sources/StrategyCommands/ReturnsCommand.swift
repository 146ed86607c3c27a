import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline
import StrategyStore
import StrategyDiagnostics

/// `strategyc returns add|list|remove --store FILE`: the peer benchmark's store of every council's returns.
struct ReturnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "Keep councils' returns in the store the peer benchmark is made from (SQLite).",
        discussion: "See docs/benchmark.md.",
        subcommands: [ReturnsAddCommand.self, ReturnsListCommand.self, ReturnsRemoveCommand.self]
    )
}

/// Where the store is, for every `returns` subcommand and `benchmark`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The returns store (an SQLite file strategyc made).", completion: .file(extensions: ["sqlite"]))
    var store: String = "benchmark.sqlite"

    /// When a change is recorded: now, or SOURCE_DATE_EPOCH when it is set (for reproducible tests).
    static var now: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        return formatter.string(from: Date())
    }
}

struct ReturnsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record completed returns in the store, each whole or not at all.",
        discussion: """
            Each return is read against the strategy, or the variant its workbook names (found in \
            --variants), and recorded in one transaction. The same file added again changes nothing; a \
            return of the same council, respondent and round replaces the recorded one when its assessment \
            date is later, and the replacement is logged. Every file is listed with what became of it.
            """
    )

    @Argument(help: "Completed returns (.xlsx or .csv).", completion: .file(extensions: ["xlsx", "csv"]))
    var files: [String]

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var strategyOption: StrategyOption

    var strategy: String { strategyOption.folder }

    @Option(help: "The folder of the variants returns may have been made from.", completion: .directory)
    var variants: String = "Variants"

    @OptionGroup var reporting: DiagnosticOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one return to add") }
    }

    func run() throws {
        let collector = reporting.makeCollector()
        let progressLine = ProgressLine.forTerminal()
        var pipeline = PublicationPipeline(
            PublicationRequest(strategyFolder: strategy, generator: "strategyc \(StrategycVersion.current)"),
            collector: collector)
        if let progressLine { pipeline.progress = { @Sendable update in progressLine.update(update) } }
        var action = RecordReturnsAction(pipeline, files: files, store: storeOptions.store, variantsFolder: variants,
                                         recordedAt: StoreOptions.now)
        // The crash test's hook: stop dead inside the Nth return's transaction, after its answers are written.
        if let position = ProcessInfo.processInfo.environment["STRATEGYC_TEST_CRASH_DURING_ADD"].flatMap(Int.init) {
            action.interruption = (position, { kill(getpid(), SIGKILL) })
        }
        let outcome = try reporting.perform(collector) { try action.perform() }
        progressLine?.finish()
        guard let outcome else { try reporting.fail(collector) }
        if reporting.diagnosticsFormat == .text {
            Output.standardOutput(outcome.entries.map(Self.line).joined(separator: "\n") + "\n")
        }
        reporting.write(collector)
        func tally(_ kind: (RecordReturnsAction.Result) -> Bool) -> Int { outcome.entries.filter { kind($0.result) }.count }
        let added = tally { if case .added = $0 { true } else { false } }
        let replaced = tally { if case .replaced = $0 { true } else { false } }
        let unchanged = tally { if case .unchanged = $0 { true } else { false } }
        let notNewer = tally { if case .notNewer = $0 { true } else { false } }
        let refused = tally { if case .refused = $0 { true } else { false } }
        Output.wrote(reporting, "wrote \(storeOptions.store): \(added) added, \(replaced) replaced, "
            + "\(unchanged) unchanged, \(notNewer) not newer, \(refused) refused; it holds "
            + "\(outcome.returns) return\(outcome.returns == 1 ? "" : "s") of \(outcome.councils) council\(outcome.councils == 1 ? "" : "s")")
        if collector.hasErrors { throw ExitCode.errors }
    }

    /// One line per file, saying what became of it.
    private static func line(_ entry: RecordReturnsAction.Entry) -> String {
        switch entry.result {
        case .refused: "refused    \(entry.path): see the diagnostics"
        case .added(let stored): "added      \(entry.path): \(RecordReturnsAction.who(stored))"
        case .unchanged: "unchanged  \(entry.path): already recorded"
        case .replaced(let stored, let older):
            "replaced   \(entry.path): \(RecordReturnsAction.who(stored)), replacing \(older.fileName) (assessed \(older.assessedOn))"
        case .notNewer(let stored, let recorded):
            "not newer  \(entry.path): \(recorded.fileName) is recorded for \(RecordReturnsAction.who(stored))"
        }
    }
}

struct ReturnsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the returns in the store (or its log of changes)."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Only this round.")
    var round: String?

    @Flag(help: "Show the log: every return added, replaced or removed, in order.")
    var log = false

    @OptionGroup var reporting: DiagnosticOptions

    func run() throws {
        let collector = reporting.makeCollector()
        let store = try reporting.perform(collector) { try ReturnStore(path: storeOptions.store, create: false) }
        if log {
            let entries = try reporting.perform(collector) { try store.log() }
            let text = entries.map { "\($0.at)  \($0.action.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.contentHash.prefix(12))  \($0.fileName)  \($0.council), round \($0.round)\($0.detail.isEmpty ? "" : ": \($0.detail)")" }
            Output.standardOutput(text.map { $0 + "\n" }.joined())
            return
        }
        let recorded = try reporting.perform(collector) { try store.list(round: round) }
        var text = ""
        for entry in recorded {
            let stored = entry.stored
            text += "\(stored.contentHash.prefix(12))  round \(stored.round)  \(stored.council)  \(stored.role.isEmpty ? "-" : stored.role)"
                + "  \(stored.region)  \(stored.councilType)  \(stored.basis.rawValue)  edition \(stored.edition)"
                + (stored.edition == stored.modelEdition ? "" : " (migrated to \(stored.modelEdition))")
                + (stored.variant.map { "  variant \($0)" } ?? "") + "  \(stored.fileName)\n"
        }
        Output.standardOutput(text)
        Output.wrote(reporting, "\(recorded.count) return\(recorded.count == 1 ? "" : "s") in \(storeOptions.store)"
            + (round.map { " for round \($0)" } ?? ""))
    }
}

struct ReturnsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove returns from the store by their content hash (as `returns list` shows it).",
        discussion: "The removal is logged. A prefix of at least \(ReturnStore.shortestHashPrefix) characters names a return."
    )

    @Argument(help: "Content hashes, or their first characters.")
    var hashes: [String]

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var reporting: DiagnosticOptions

    func validate() throws {
        if hashes.isEmpty { throw ValidationError("give the content hash of a return to remove (see `strategyc returns list`)") }
        for hash in hashes where !ReturnStore.isHashPrefix(hash) {
            throw ValidationError("'\(hash)' is not a content hash: give at least \(ReturnStore.shortestHashPrefix) of the lowercase hexadecimal characters `strategyc returns list` shows")
        }
    }

    func run() throws {
        let collector = reporting.makeCollector()
        let store = try reporting.perform(collector) { try ReturnStore(path: storeOptions.store, create: false) }
        // Every prefix must name exactly one return before anything is removed.
        let recorded = try reporting.perform(collector) { try store.list() }
        for hash in hashes {
            let matches = recorded.filter { $0.stored.contentHash.hasPrefix(hash) }
            if matches.count != 1 {
                collector.report(Diagnostic(
                    .storeUnusable,
                    matches.isEmpty ? "no return in the store has a content hash starting '\(hash)'"
                        : "'\(hash)' names \(matches.count) returns (\(matches.map(\.stored.fileName).joined(separator: ", "))): give more characters",
                    at: SourceRange(at: .wholeFile(storeOptions.store))))
            }
        }
        guard !collector.hasErrors else { try reporting.finish(collector) ; return }
        let now = StoreOptions.now
        var removed: [String] = []
        for hash in hashes {
            removed += try reporting.perform(collector) { try store.remove(hashPrefix: hash, at: now) }.map(\.stored.fileName)
        }
        try reporting.finish(collector)
        Output.wrote(reporting, "wrote \(storeOptions.store): removed \(removed.joined(separator: ", "))")
    }
}
