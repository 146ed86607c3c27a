import Foundation
import GRDB
import StrategyModel

/// The online diagnostic's side of the store (`strategyc collect`): rounds, the organisations invited,
/// their tokens, each respondent's answer set and draft answers, and the browsers' sessions.
///
/// It opens the same file as `ReturnStore`, through a pool (many readers beside one writer, as a server
/// needs), and every change is one transaction: a page saved, an answer set started, a round opened with
/// all its invitations, and a submission, which records the return by the store's own rules in the
/// transaction that marks the answer set submitted. Secrets arrive here in the clear and are kept only as
/// hashes (`SecretToken`).
public final class CollectStore: Sendable {
    public let path: String
    private let pool: DatabasePool

    /// Opens the store at `path`, making it when `create` is true and nothing is there.
    public init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        pool = try StoreFile.open(path, create: create) { path, configuration in try DatabasePool(path: path, configuration: configuration) }
    }

    // MARK: - Rounds

    public struct Round: Sendable, Equatable {
        public var id: Int64
        public var settings: RoundSettings
        public var openedAt: String
        public var closedAt: String?
        public var isOpen: Bool { closedAt == nil }
        /// The year.
        public var round: String { settings.round }
        /// The variant's id, or nil for the national strategy.
        public var variant: String? { settings.variant }
    }

    /// What a round is of: which year, strategy or variant, read from where, and where its links point.
    public struct RoundSettings: Sendable, Equatable {
        public var round: String
        public var variant: String?
        public var title: String
        public var strategyFolder: String
        public var variantFolder: String?
        public var variantsFolder: String
        public var modelHash: String
        public var baseURL: String

        public init(round: String, variant: String?, title: String, strategyFolder: String, variantFolder: String?,
                    variantsFolder: String, modelHash: String, baseURL: String) {
            (self.round, self.variant, self.title, self.strategyFolder, self.variantFolder, self.variantsFolder, self.modelHash,
             self.baseURL) = (round, variant, title, strategyFolder, variantFolder, variantsFolder, modelHash, baseURL)
        }
    }

    public struct Organisation: Sendable, Equatable {
        public var id: Int64
        public var roundId: Int64
        public var name: String
        public var type: String
        public var region: String

        public init(id: Int64 = 0, roundId: Int64 = 0, name: String, type: String, region: String) {
            (self.id, self.roundId, self.name, self.type, self.region) = (id, roundId, name, type, region)
        }
    }

    /// An organisation's invitation: the token in the clear, once, for its link.
    public struct Invitation: Sendable {
        public var organisation: Organisation
        public var token: String
    }

    public enum OpenOutcome: Sendable {
        case opened(Round, [Invitation])
        /// A round of that year is already open or closed for the strategy or variant: nothing changed.
        case exists(Round)
    }

    /// Opens a round with every organisation's invitation, in one transaction. `beforeCommit` is given the
    /// invitations, the only time their tokens exist in the clear, and the round is opened only if it
    /// returns (the links file is written there: a round whose links were lost is never opened).
    public func open(_ request: RoundSettings, organisations: [Organisation], at: String,
                     beforeCommit: ([Invitation]) throws -> Void) throws -> OpenOutcome {
        try pool.write { db in
            if let existing = try Self.rounds(db, where: "round = ? AND variant IS ?", [request.round, request.variant]).first {
                return .exists(existing)
            }
            try db.execute(sql: """
                INSERT INTO rounds (round, variant, title, strategyFolder, variantFolder, variantsFolder, modelHash, baseURL, openedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [request.round, request.variant, request.title, request.strategyFolder, request.variantFolder,
                                 request.variantsFolder, request.modelHash, request.baseURL, at])
            let roundID = db.lastInsertedRowID
            var invitations: [Invitation] = []
            for organisation in organisations {
                try db.execute(sql: "INSERT INTO organisations (roundId, name, councilKey, type, region) VALUES (?, ?, ?, ?, ?)",
                               arguments: [roundID, organisation.name, StoredReturn.key(organisation.name), organisation.type,
                                           organisation.region])
                var invited = organisation
                (invited.id, invited.roundId) = (db.lastInsertedRowID, roundID)
                let token = SecretToken.make()
                try db.execute(sql: "INSERT INTO tokens (hash, kind, organisationId, createdAt) VALUES (?, 'invitation', ?, ?)",
                               arguments: [SecretToken.hash(token), invited.id, at])
                invitations.append(Invitation(organisation: invited, token: token))
            }
            try Self.log(db, at: at, roundID, "opened", "", "\(organisations.count) organisations invited")
            try beforeCommit(invitations)
            return .opened(try Self.rounds(db, where: "id = ?", [roundID])[0], invitations)
        }
    }

    /// Every round, in the order they were opened.
    public func rounds() throws(StoreError) -> [Round] {
        try reading { db in try Self.rounds(db, where: "1", []) }
    }

    public func round(_ year: String, variant: String?) throws(StoreError) -> Round? {
        try reading { db in try Self.rounds(db, where: "round = ? AND variant IS ?", [year, variant]).first }
    }

    public enum CloseOutcome: Sendable, Equatable {
        case closed(Round)
        case alreadyClosed(Round)
        case noSuchRound
    }

    /// Locks a round: from now on nothing in it is saved or submitted.
    public func close(_ year: String, variant: String?, at: String) throws(StoreError) -> CloseOutcome {
        try writing { db in
            guard let round = try Self.rounds(db, where: "round = ? AND variant IS ?", [year, variant]).first else { return .noSuchRound }
            guard round.isOpen else { return .alreadyClosed(round) }
            try db.execute(sql: "UPDATE rounds SET closedAt = ? WHERE id = ?", arguments: [at, round.id])
            try Self.log(db, at: at, round.id, "closed", "", "")
            return .closed(try Self.rounds(db, where: "id = ?", [round.id])[0])
        }
    }

    public func organisations(roundID: Int64) throws(StoreError) -> [Organisation] {
        try reading { db in try Self.organisations(db, where: "roundId = ?", [roundID]) }
    }

    // MARK: - Tokens and sessions

    /// What a token opens: an organisation's start page, or one respondent's answer set.
    public enum Grant: Sendable, Equatable {
        case invitation(Organisation)
        case resume(Organisation, AnswerSet)
    }

    /// What `token` grants, or nil when it is malformed, unknown or revoked (the caller answers all three
    /// the same way).
    public func redeem(_ token: String) throws(StoreError) -> Grant? {
        guard SecretToken.isWellFormed(token) else { return nil }
        return try reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tokens WHERE hash = ? AND revokedAt IS NULL",
                                             arguments: [SecretToken.hash(token)]),
                  let organisation = try Self.organisations(db, where: "id = ?", [row["organisationId"] as Int64]).first
            else { return nil }
            guard let answerSetID = row["answerSetId"] as Int64? else { return .invitation(organisation) }
            guard let answerSet = try Self.answerSets(db, where: "id = ?", [answerSetID]).first else { return nil }
            return .resume(organisation, answerSet)
        }
    }

    public struct Session: Sendable, Equatable {
        public var organisation: Organisation
        public var round: Round
        /// The respondent's answer set, once they have said who they are.
        public var answerSet: AnswerSet?
        public var expiresAt: String
    }

    /// A new session for a browser that showed a token: the session id in the clear, for its cookie.
    public func startSession(organisation: Int64, answerSet: Int64?, at: String, expiresAt: String) throws(StoreError) -> String {
        let secret = SecretToken.make()
        try writing { db in
            try db.execute(sql: "INSERT INTO sessions (hash, organisationId, answerSetId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [SecretToken.hash(secret), organisation, answerSet, at, expiresAt])
        }
        return secret
    }

    /// The session whose id is `secret`, when it exists and has not expired by `now`.
    public func session(_ secret: String, now: String) throws(StoreError) -> Session? {
        guard SecretToken.isWellFormed(secret) else { return nil }
        return try reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE hash = ? AND expiresAt > ?",
                                             arguments: [SecretToken.hash(secret), now]),
                  let organisation = try Self.organisations(db, where: "id = ?", [row["organisationId"] as Int64]).first,
                  let round = try Self.rounds(db, where: "id = ?", [organisation.roundId]).first
            else { return nil }
            let answerSet = try (row["answerSetId"] as Int64?).flatMap { try Self.answerSets(db, where: "id = ?", [$0]).first }
            return Session(organisation: organisation, round: round, answerSet: answerSet, expiresAt: row["expiresAt"])
        }
    }

    /// Ends a session (signing out), and every session that has expired by `now`.
    public func endSession(_ secret: String, now: String) throws(StoreError) {
        try writing { db in
            try db.execute(sql: "DELETE FROM sessions WHERE hash = ? OR expiresAt <= ?", arguments: [SecretToken.hash(secret), now])
        }
    }

    // MARK: - Answer sets

    public struct AnswerSet: Sendable, Equatable {
        public var id: Int64
        public var organisationId: Int64
        public var role: String
        public var department: String
        /// The About answer "self-assessed or externally validated", as the assessment's list words it.
        public var validation: String
        public var createdAt: String
        public var updatedAt: String
        public var submittedAt: String?
        public var submittedHash: String?
        /// The answers changed since the last submission (or there has been none).
        public var changedSinceSubmission: Bool { submittedAt.map { updatedAt > $0 } ?? true }
    }

    public enum StartOutcome: Sendable, Equatable {
        /// Started: the answer set, and its resume token in the clear, once, for the respondent's own link.
        case started(AnswerSet, resumeToken: String)
        /// Someone of the organisation has already started with the same role and department: the store
        /// counts one return per council, respondent and round, so a second would replace the first's.
        case taken(AnswerSet)
        case closed
    }

    /// Starts a respondent's answer set, with their resume token, and moves `session` onto it.
    public func startAnswerSet(organisation: Organisation, role: String, department: String, validation: String,
                               session: String, at: String) throws(StoreError) -> StartOutcome {
        try writing { db in
            guard try Self.isOpen(db, roundID: organisation.roundId) else { return .closed }
            let key = StoredReturn.key(role) + "|" + StoredReturn.key(department)
            if let taken = try Self.answerSets(db, where: "organisationId = ? AND respondentKey = ?", [organisation.id, key]).first {
                return .taken(taken)
            }
            try db.execute(sql: """
                INSERT INTO answerSets (organisationId, role, department, respondentKey, validation, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [organisation.id, role, department, key, validation, at, at])
            let id = db.lastInsertedRowID
            let token = SecretToken.make()
            try db.execute(sql: "INSERT INTO tokens (hash, kind, organisationId, answerSetId, createdAt) VALUES (?, 'resume', ?, ?, ?)",
                           arguments: [SecretToken.hash(token), organisation.id, id, at])
            try db.execute(sql: "UPDATE sessions SET answerSetId = ? WHERE hash = ?", arguments: [id, SecretToken.hash(session)])
            try Self.log(db, at: at, organisation.roundId, "started", organisation.name, "\(role), \(department)")
            return .started(try Self.answerSets(db, where: "id = ?", [id])[0], resumeToken: token)
        }
    }

    public func answerSets(organisation: Int64) throws(StoreError) -> [AnswerSet] {
        try reading { db in try Self.answerSets(db, where: "organisationId = ?", [organisation]) }
    }

    /// One indicator's answers as saved so far.
    public struct Draft: Sendable, Equatable {
        public var indicator: String
        public var keyArea: String
        /// Level ids, or nil when not answered yet.
        public var current: String?
        public var target: String?
        public var evidence: String
        public var actions: String
        public var owner: String
        /// `YYYY-MM-DD`, or empty.
        public var reviewDate: String

        public init(indicator: String, keyArea: String, current: String? = nil, target: String? = nil, evidence: String = "",
                    actions: String = "", owner: String = "", reviewDate: String = "") {
            (self.indicator, self.keyArea, self.current, self.target, self.evidence, self.actions, self.owner, self.reviewDate)
                = (indicator, keyArea, current, target, evidence, actions, owner, reviewDate)
        }
    }

    /// Every draft answer of an answer set, by indicator id.
    public func drafts(answerSet: Int64) throws(StoreError) -> [String: Draft] {
        try reading { db in try Self.drafts(db, answerSet: answerSet) }
    }

    /// What a page showed of a key area's answers: a save is refused when they have changed since (saved
    /// from another tab), rather than silently overwriting them.
    public static func fingerprint(_ drafts: [Draft]) -> String {
        let text = drafts.sorted { $0.indicator < $1.indicator }.map { draft in
            [draft.indicator, draft.current ?? "-", draft.target ?? "-", draft.evidence, draft.actions, draft.owner, draft.reviewDate]
                .map { "\($0.utf8.count):\($0)" }.joined()
        }.joined(separator: "\n")
        return SecretToken.hash(text).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    public enum SaveOutcome: Sendable, Equatable {
        case saved
        /// The key area's answers changed since the page was shown (another tab saved them): nothing was
        /// written; these are the answers as they are now.
        case changedElsewhere([Draft])
        case closed
    }

    /// Saves one key area's answers in one transaction, if they are still what the page showed
    /// (`expecting`, their fingerprint then).
    public func save(answerSet: Int64, keyArea: String, _ drafts: [Draft], expecting: String, at: String) throws(StoreError) -> SaveOutcome {
        try writing { db in
            guard let set = try Self.answerSets(db, where: "id = ?", [answerSet]).first,
                  let organisation = try Self.organisations(db, where: "id = ?", [set.organisationId]).first,
                  try Self.isOpen(db, roundID: organisation.roundId) else { return .closed }
            let now = try Self.drafts(db, answerSet: answerSet).values.filter { $0.keyArea == keyArea }
            guard Self.fingerprint(Array(now)) == expecting else {
                return .changedElsewhere(now.sorted { $0.indicator < $1.indicator })
            }
            try db.execute(sql: "DELETE FROM draftAnswers WHERE answerSetId = ? AND keyArea = ?", arguments: [answerSet, keyArea])
            for draft in drafts {
                try db.execute(sql: """
                    INSERT INTO draftAnswers (answerSetId, indicator, keyArea, current, target, evidence, actions, owner, reviewDate)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [answerSet, draft.indicator, keyArea, draft.current, draft.target, draft.evidence, draft.actions,
                                     draft.owner, draft.reviewDate])
            }
            try db.execute(sql: "UPDATE answerSets SET updatedAt = ? WHERE id = ?", arguments: [at, answerSet])
            return .saved
        }
    }

    public enum SubmitOutcome: Sendable {
        /// Recorded as a return (added, replacing this answer set's earlier submission, or the same again).
        case recorded(ReturnStore.AddOutcome)
        /// Another return of the same council, respondent and round, assessed no earlier, is in the store
        /// (one added from a workbook): nothing changed.
        case notNewer(ReturnStore.Recorded)
        case closed
    }

    /// Records an answer set's return (read from `workbook`, its filled workbook) and marks the answer set
    /// submitted, in one transaction. `duringTransaction` runs before the commit (the crash test's hook).
    public func submit(answerSet: Int64, _ stored: StoredReturn, workbook: Data, at: String,
                       duringTransaction: (() -> Void)? = nil) throws(StoreError) -> SubmitOutcome {
        try writing { db in
            guard let set = try Self.answerSets(db, where: "id = ?", [answerSet]).first,
                  let organisation = try Self.organisations(db, where: "id = ?", [set.organisationId]).first,
                  try Self.isOpen(db, roundID: organisation.roundId) else { return .closed }
            let outcome = try ReturnStore.add(stored, recordedAt: at, supersedes: set.submittedHash, in: db)
            if case .notNewer(let recorded) = outcome { return .notNewer(recorded) }
            try db.execute(sql: "UPDATE answerSets SET submittedAt = ?, submittedHash = ?, submittedWorkbook = ? WHERE id = ?",
                           arguments: [at, stored.contentHash, workbook, answerSet])
            try Self.log(db, at: at, organisation.roundId, "submitted", organisation.name,
                         "\(set.role), \(set.department): \(stored.contentHash.prefix(12))")
            duringTransaction?()
            return .recorded(outcome)
        }
    }

    /// The workbooks of an organisation's submitted answer sets, by answer set, for its report.
    public func submittedWorkbooks(organisation: Int64) throws(StoreError) -> [(answerSet: AnswerSet, workbook: Data)] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT id, submittedWorkbook FROM answerSets WHERE organisationId = ? AND submittedWorkbook IS NOT NULL ORDER BY id",
                             arguments: [organisation]).compactMap { row in
                guard let set = try Self.answerSets(db, where: "id = ?", [row["id"] as Int64]).first else { return nil }
                return (set, row["submittedWorkbook"] as Data)
            }
        }
    }

    /// A consistent copy of the whole store at `destination` (a new file), taken while it is in use, by
    /// SQLite's backup API.
    public func backup(to destination: String) throws(StoreError) {
        do {
            let copy = try DatabaseQueue(path: destination)
            try pool.backup(to: copy)
            try copy.close()
        } catch {
            throw .unreadable(destination, "\(error)")
        }
    }

    /// The round's log, in order.
    public func log(roundID: Int64) throws(StoreError) -> [(at: String, action: String, organisation: String, detail: String)] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM collectLog WHERE roundId = ? ORDER BY id", arguments: [roundID]).map {
                ($0["at"], $0["action"], $0["organisation"], $0["detail"])
            }
        }
    }

    // MARK: - Rows

    private func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    private func writing<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    private static func isOpen(_ db: Database, roundID: Int64) throws -> Bool {
        try rounds(db, where: "id = ?", [roundID]).first?.isOpen == true
    }

    private static func rounds(_ db: Database, where condition: String, _ arguments: [(any DatabaseValueConvertible)?]) throws -> [Round] {
        try Row.fetchAll(db, sql: "SELECT * FROM rounds WHERE \(condition) ORDER BY id", arguments: StatementArguments(arguments)).map {
            Round(id: $0["id"],
                  settings: RoundSettings(round: $0["round"], variant: $0["variant"], title: $0["title"], strategyFolder: $0["strategyFolder"],
                                          variantFolder: $0["variantFolder"], variantsFolder: $0["variantsFolder"],
                                          modelHash: $0["modelHash"], baseURL: $0["baseURL"]),
                  openedAt: $0["openedAt"], closedAt: $0["closedAt"])
        }
    }

    private static func organisations(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [Organisation] {
        try Row.fetchAll(db, sql: "SELECT * FROM organisations WHERE \(condition) ORDER BY id", arguments: StatementArguments(arguments)).map {
            Organisation(id: $0["id"], roundId: $0["roundId"], name: $0["name"], type: $0["type"], region: $0["region"])
        }
    }

    private static func answerSets(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [AnswerSet] {
        try Row.fetchAll(db, sql: "SELECT * FROM answerSets WHERE \(condition) ORDER BY id", arguments: StatementArguments(arguments)).map {
            AnswerSet(id: $0["id"], organisationId: $0["organisationId"], role: $0["role"], department: $0["department"],
                      validation: $0["validation"], createdAt: $0["createdAt"], updatedAt: $0["updatedAt"],
                      submittedAt: $0["submittedAt"], submittedHash: $0["submittedHash"])
        }
    }

    private static func drafts(_ db: Database, answerSet: Int64) throws -> [String: Draft] {
        var drafts: [String: Draft] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM draftAnswers WHERE answerSetId = ?", arguments: [answerSet]) {
            drafts[row["indicator"]] = Draft(indicator: row["indicator"], keyArea: row["keyArea"], current: row["current"],
                                             target: row["target"], evidence: row["evidence"], actions: row["actions"],
                                             owner: row["owner"], reviewDate: row["reviewDate"])
        }
        return drafts
    }

    private static func log(_ db: Database, at: String, _ roundID: Int64, _ action: String, _ organisation: String, _ detail: String) throws {
        try db.execute(sql: "INSERT INTO collectLog (at, roundId, action, organisation, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at, roundID, action, organisation, detail])
    }
}
