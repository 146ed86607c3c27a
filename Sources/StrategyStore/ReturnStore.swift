import Foundation
import GRDB
import StrategyModel

/// The peer benchmark's store of record: every council's returns in one SQLite file.
///
/// Each return goes in within one transaction, answers and all, so a return is recorded whole or not at
/// all, whatever stops the process. The store is made only where nothing exists; an existing file is
/// opened only when it is a strategyc store (its application id), and only when this strategyc knows every
/// migration applied to it.
public final class ReturnStore {
    /// A return as recorded, with when it was recorded.
    public struct Recorded: Sendable {
        public var id: Int64
        public var recordedAt: String
        /// The answers are filled only by `returns(round:)`.
        public var stored: StoredReturn
        public var answerCount: Int
    }

    public enum AddOutcome: Sendable {
        case added
        /// The same file (by content hash) is already recorded: nothing changed.
        case unchanged(Recorded)
        /// An older return of the same council, respondent and round was replaced.
        case replaced(Recorded)
        /// A return of the same council, respondent and round is already recorded and is not older than
        /// this one: nothing changed.
        case notNewer(Recorded)
    }

    /// One line of the store's log.
    public struct LogEntry: Sendable {
        public var at: String
        public var action: String
        public var contentHash: String
        public var fileName: String
        public var council: String
        public var round: String
        public var detail: String
    }

    public let path: String
    private let queue: DatabaseQueue

    /// Opens the store at `path`, making it when `create` is true and nothing is there.
    public init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        queue = try StoreFile.open(path, create: create) { path, configuration in try DatabaseQueue(path: path, configuration: configuration) }
    }

    /// Records one return in one transaction. `duringTransaction` runs after the answers are written and
    /// before the commit (the crash test stops the process there).
    public func add(_ stored: StoredReturn, recordedAt: String,
                    duringTransaction: (() -> Void)? = nil) throws(StoreError) -> AddOutcome {
        do {
            return try queue.write { db -> AddOutcome in
                let outcome = try Self.add(stored, recordedAt: recordedAt, supersedes: nil, in: db)
                duringTransaction?()
                return outcome
            }
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    /// Records one return inside the caller's transaction, by the store's rules: the same file again
    /// changes nothing; a return of the same council, respondent and round replaces the recorded one when
    /// it was assessed later, or when the recorded one is `supersedes` (the content hash of this answer
    /// set's own earlier submission, which the online diagnostic knows to be older whatever the dates say).
    static func add(_ stored: StoredReturn, recordedAt: String, supersedes: String?, in db: Database) throws -> AddOutcome {
        if let same = try recorded(db, where: "contentHash = ?", [stored.contentHash]).first {
            return .unchanged(same)
        }
        var outcome = AddOutcome.added
        if let earlier = try recorded(db, where: "round = ? AND councilKey = ? AND respondentKey = ?",
                                      [stored.round, stored.councilKey, stored.respondentKey]).first {
            // Newer means a later assessment date; the same date cannot say which is newer.
            let resubmitted = supersedes != nil && earlier.stored.contentHash == supersedes
            guard resubmitted || stored.assessedOn > earlier.stored.assessedOn else { return .notNewer(earlier) }
            try db.execute(sql: "DELETE FROM returns WHERE id = ?", arguments: [earlier.id])
            try log(db, at: recordedAt, "replaced", earlier.stored,
                    detail: "by \(stored.fileName) (\(stored.contentHash.prefix(12))), assessed \(stored.assessedOn)")
            outcome = .replaced(earlier)
        }
        try db.execute(sql: """
            INSERT INTO returns (contentHash, fileName, council, councilKey, councilType, region, role,
                department, respondentKey, round, assessedOn, basis, edition, modelEdition, modelHash,
                variant, recordedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                stored.contentHash, stored.fileName, stored.council, stored.councilKey, stored.councilType,
                stored.region, stored.role, stored.department, stored.respondentKey, stored.round,
                stored.assessedOn, stored.basis.rawValue, stored.edition, stored.modelEdition,
                stored.modelHash, stored.variant, recordedAt,
            ])
        let id = db.lastInsertedRowID
        let insert = try db.makeStatement(sql: """
            INSERT INTO answers (returnId, indicator, keyArea, current, target, local) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for answer in stored.answers {
            try insert.execute(arguments: [id, answer.indicator, answer.keyArea, answer.current, answer.target, answer.local])
        }
        try log(db, at: recordedAt, "added", stored, detail: "\(stored.answers.count) answers")
        return outcome
    }

    /// Every return recorded (answers not loaded), by round, council, role and department.
    public func list(round: String? = nil) throws(StoreError) -> [Recorded] {
        try reading { db in
            try Self.recorded(db, where: round == nil ? "1" : "round = ?", round.map { [$0] } ?? [])
        }
    }

    /// The returns of a round (or all), answers and all.
    public func returns(round: String? = nil) throws(StoreError) -> [Recorded] {
        try reading { db in
            var recorded = try Self.recorded(db, where: round == nil ? "1" : "round = ?", round.map { [$0] } ?? [])
            let byID = Dictionary(uniqueKeysWithValues: recorded.indices.map { (recorded[$0].id, $0) })
            let rows = try Row.fetchCursor(db, sql: """
                SELECT answers.* FROM answers JOIN returns ON returns.id = answers.returnId
                WHERE \(round == nil ? "1" : "returns.round = ?") ORDER BY answers.returnId, answers.rowid
                """, arguments: StatementArguments(round.map { [$0] } ?? []))
            while let row = try rows.next() {
                guard let index = byID[row["returnId"]] else { continue }
                recorded[index].stored.answers.append(StoredReturn.Answer(
                    indicator: row["indicator"], keyArea: row["keyArea"], current: row["current"],
                    target: row["target"], local: row["local"]))
            }
            return recorded
        }
    }

    /// The rounds recorded, in order.
    public func rounds() throws(StoreError) -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT round FROM returns ORDER BY round") }
    }

    /// The secret behind the benchmark's record keys, made with the store (or when a store made before it
    /// existed is first opened) and never changed.
    public func disclosureSecret() throws(StoreError) -> [UInt8] {
        let secret = try reading { db in try Data.fetchOne(db, sql: "SELECT secret FROM disclosureKey LIMIT 1") }
        guard let secret, !secret.isEmpty else { throw .unreadable(path, "it has no disclosure key") }
        return Array(secret)
    }

    public func log() throws(StoreError) -> [LogEntry] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM log ORDER BY id").map {
                LogEntry(at: $0["at"], action: $0["action"], contentHash: $0["contentHash"], fileName: $0["fileName"],
                         council: $0["council"], round: $0["round"], detail: $0["detail"])
            }
        }
    }

    /// The shortest hash prefix `remove` accepts: short enough to type, long enough not to hit two returns
    /// by accident.
    public static let shortestHashPrefix = 4

    /// Whether `text` can name returns by their content hash: lowercase hex, at least `shortestHashPrefix`.
    public static func isHashPrefix(_ text: String) -> Bool {
        text.count >= shortestHashPrefix && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Removes the returns whose content hash starts with `hashPrefix`, in one transaction, and logs it.
    /// Nothing is removed for a prefix `isHashPrefix` refuses.
    public func remove(hashPrefix: String, at: String) throws(StoreError) -> [Recorded] {
        guard Self.isHashPrefix(hashPrefix) else { return [] }
        do {
            return try queue.write { db in
                let pattern = hashPrefix + "%"
                let found = try Self.recorded(db, where: "contentHash LIKE ?", [pattern])
                for recorded in found {
                    try db.execute(sql: "DELETE FROM returns WHERE id = ?", arguments: [recorded.id])
                    try Self.log(db, at: at, "removed", recorded.stored, detail: "")
                }
                return found
            }
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    /// `PRAGMA integrity_check` and the foreign keys: nil when the file is sound.
    public func integrityProblem() throws(StoreError) -> String? {
        try reading { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { return integrity.joined(separator: "; ") }
            let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") ?? 0
            return orphans == 0 ? nil : "\(orphans) answers belong to no return"
        }
    }

    // MARK: - Rows

    private func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    static func recorded(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [Recorded] {
        try Row.fetchAll(db, sql: """
            SELECT returns.*, (SELECT count(*) FROM answers WHERE answers.returnId = returns.id) AS answerCount
            FROM returns WHERE \(condition) ORDER BY round, councilKey, respondentKey, id
            """, arguments: StatementArguments(arguments)).map { row in
            Recorded(
                id: row["id"], recordedAt: row["recordedAt"],
                stored: StoredReturn(
                    contentHash: row["contentHash"], fileName: row["fileName"], council: row["council"],
                    councilType: row["councilType"], region: row["region"], role: row["role"],
                    department: row["department"], round: row["round"], assessedOn: row["assessedOn"],
                    basis: StoredReturn.Basis(rawValue: row["basis"]) ?? .selfAssessed, edition: row["edition"],
                    modelEdition: row["modelEdition"], modelHash: row["modelHash"], variant: row["variant"], answers: []),
                answerCount: row["answerCount"])
        }
    }

    static func log(_ db: Database, at: String, _ action: String, _ stored: StoredReturn, detail: String) throws {
        try db.execute(sql: """
            INSERT INTO log (at, action, contentHash, fileName, council, round, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [at, action, stored.contentHash, stored.fileName, stored.council, stored.round, detail])
    }
}

/// Why the store could not be opened or written. Thrown only for what is about the file itself; a
/// return's problems are diagnostics.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missing(String)
    case notAStore(String, String)
    case newerSchema(String)
    case unreadable(String, String)

    /// The store the error is about.
    public var path: String {
        switch self {
        case let .missing(path), let .notAStore(path, _), let .newerSchema(path), let .unreadable(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .missing(path):
            "there is no store at '\(path)': `strategyc returns add FILE... --store \(path)` makes one"
        case let .notAStore(path, why):
            "'\(path)' is not a strategyc returns store (\(why)); it was left untouched"
        case let .newerSchema(path):
            "'\(path)' was written by a newer strategyc (its schema has migrations this one does not know); it was left untouched"
        case let .unreadable(path, why):
            "the store '\(path)' could not be read or written: \(why)"
        }
    }
}
