import Foundation
import StrategyModel
import StrategyStore
import StrategyDiagnostics

/// `strategyc returns add`, and (next) an online answer set submitted: completed returns read against the
/// strategy or the variant each names, and each recorded in the store in one transaction, by the store's
/// identity, replacement and log rules. Every file gets an entry saying what became of it.
public struct RecordReturnsAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let files: [String]
    /// The store's file, made when missing (only once a return can be read, so a strategy that does not
    /// compile leaves no empty store behind).
    public let store: String
    /// The folder of the variants a return may name.
    public let variantsFolder: String
    /// When the changes are recorded (ISO 8601).
    public let recordedAt: String
    /// Run inside the transaction of the return at this position (from 1), after its answers are written:
    /// the crash test's way of stopping dead mid-transaction.
    public var interruption: (position: Int, hook: () -> Void)?

    public init(_ pipeline: PublicationPipeline, files: [String], store: String, variantsFolder: String, recordedAt: String) {
        (self.pipeline, self.files, self.store, self.variantsFolder, self.recordedAt) = (pipeline, files, store, variantsFolder, recordedAt)
    }

    /// What became of one file.
    public enum Result: Sendable {
        /// It could not be read or is incomplete (see the diagnostics).
        case refused
        case added(StoredReturn)
        /// The same file is already recorded.
        case unchanged(StoredReturn)
        /// It replaced an earlier return of the same council, respondent and round.
        case replaced(StoredReturn, older: StoredReturn)
        /// A return of the same council, respondent and round, assessed no earlier, is recorded.
        case notNewer(StoredReturn, recorded: StoredReturn)
    }

    public struct Entry: Sendable {
        public var path: String
        public var result: Result
    }

    public struct Work: ActionWork {
        public var stopped = false
        var items: [ReturnIntake.Item] = []
        var store: ReturnStore?
        var entries: [Entry] = []
        var recorded: [ReturnStore.Recorded] = []
    }

    public struct Outcome: Sendable {
        public var entries: [Entry]
        /// What the store holds afterwards: returns, and the councils they are of.
        public var returns: Int
        public var councils: Int
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("read the returns") { work in
                work.items = try pipeline.readForStore(files, variantsFolder: variantsFolder)
                work.stopped = work.items.isEmpty
            },
            ActionStep("open the store") { work in work.store = try ReturnStore(path: store, create: true) },
            ActionStep("record each return") { work in
                guard let store = work.store else { return }
                for (number, item) in work.items.enumerated() {
                    pipeline.progress?(.recordingReturns(done: number + 1, of: work.items.count))
                    work.entries.append(Entry(path: item.path, result: try record(item, in: store, position: number + 1)))
                }
            },
            ActionStep("count what the store holds") { work in work.recorded = try work.store?.list() ?? [] },
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        guard work.store != nil else { return nil }
        return Outcome(entries: work.entries, returns: work.recorded.count,
                       councils: Set(work.recorded.map(\.stored.councilKey)).count)
    }

    private func record(_ item: ReturnIntake.Item, in store: ReturnStore, position: Int) throws -> Result {
        guard let stored = item.stored else { return .refused }
        let hook = interruption.flatMap { $0.position == position ? $0.hook : nil }
        switch try store.add(stored, recordedAt: recordedAt, duringTransaction: hook) {
        case .added:
            return .added(stored)
        case .unchanged(let recorded):
            return .unchanged(recorded.stored)
        case .replaced(let older):
            return .replaced(stored, older: older.stored)
        case .notNewer(let recorded):
            let who = Self.who(stored)
            pipeline.collector.report(Diagnostic(
                .returnNotNewer,
                "'\(item.path)' was not recorded: \(recorded.stored.fileName) (assessed \(recorded.stored.assessedOn)) is already recorded for \(who), and this return is not later (assessed \(stored.assessedOn.isEmpty ? "on no date" : stored.assessedOn)); remove that one first with `strategyc returns remove \(recorded.stored.contentHash.prefix(12))` if this one should count",
                at: SourceRange(at: .wholeFile(item.path))))
            return .notNewer(stored, recorded: recorded.stored)
        }
    }

    /// "Riverside Council, Head of procurement, round 2026": how a return is named in what is said about it.
    public static func who(_ stored: StoredReturn) -> String {
        "\(stored.council), \(stored.role.isEmpty ? "respondent not named" : stored.role), round \(stored.round)"
    }
}
