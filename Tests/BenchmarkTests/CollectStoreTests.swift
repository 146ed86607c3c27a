import Foundation
import GRDB
import StrategyModel
import Testing
@testable import StrategyStore

/// The online diagnostic's tables: a round opened whole or not at all, tokens and sessions kept only as
/// hashes, answer sets kept apart, a save from a stale page refused, a closed round refusing every write,
/// and a submission recorded as a return by the store's own rules in the transaction that marks it.
@Suite struct CollectStoreTests {
    let folder: URL
    var path: String { folder.appendingPathComponent("collect.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("collect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static let request = CollectStore.RoundSettings(
        round: "2026", variant: nil, title: "National Procurement Strategy", strategyFolder: "/s", variantFolder: nil,
        variantsFolder: "/v", modelHash: "abc", baseURL: "https://diagnostic.example.org")
    static let councils = [
        CollectStore.Organisation(name: "Northfield Borough Council", type: "District council", region: "North West"),
        CollectStore.Organisation(name: "Southdale County Council", type: "County council", region: "South East"),
    ]

    /// A store with the round open; its invitations.
    func opened() throws -> (CollectStore, CollectStore.Round, [CollectStore.Invitation]) {
        let store = try CollectStore(path: path, create: true)
        guard case .opened(let round, let invitations) = try store.open(Self.request, organisations: Self.councils,
                                                                         at: "2026-01-05T09:00:00Z", beforeCommit: { _ in }) else {
            throw CocoaError(.featureUnsupported)
        }
        return (store, round, invitations)
    }

    /// Every value of a column, read through SQLite directly.
    func column(_ sql: String) throws -> [DatabaseValue] {
        try DatabaseQueue(path: path).read { db in try DatabaseValue.fetchAll(db, sql: sql) }
    }

    @Test func aRoundOpensWithAnInvitationPerOrganisationAndTheTokensAreKeptOnlyAsHashes() throws {
        let (store, round, invitations) = try opened()
        #expect(round.round == "2026" && round.variant == nil && round.isOpen)
        #expect(invitations.map(\.organisation.name) == Self.councils.map(\.name))
        #expect(Set(invitations.map(\.token)).count == 2)
        #expect(invitations.allSatisfy { SecretToken.isWellFormed($0.token) })
        // What the store holds is the SHA-256 of each token, never the token.
        let hashes = try column("SELECT hash FROM tokens ORDER BY id").compactMap { Data.fromDatabaseValue($0) }
        #expect(hashes == invitations.map { SecretToken.hash($0.token) })
        let file = try Data(contentsOf: URL(fileURLWithPath: path)) + ((try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data())
        for invitation in invitations { #expect(file.range(of: Data(invitation.token.utf8)) == nil, "a token is in the file") }
        #expect(try store.redeem(invitations[0].token) == .invitation(invitations[0].organisation))
        // The same year again is refused, and nothing changes.
        guard case .exists(let existing) = try store.open(Self.request, organisations: Self.councils, at: "2026-01-06T09:00:00Z",
                                                          beforeCommit: { _ in }) else {
            Issue.record("a second round 2026 was opened"); return
        }
        #expect(existing == round)
        #expect(try store.organisations(roundID: round.id).count == 2)
    }

    @Test func aRoundWhoseLinksCannotBeWrittenIsNotOpened() throws {
        let store = try CollectStore(path: path, create: true)
        struct LinksLost: Error {}
        #expect(throws: LinksLost.self) {
            _ = try store.open(Self.request, organisations: Self.councils, at: "2026-01-05T09:00:00Z") { _ in throw LinksLost() }
        }
        #expect(try store.rounds().isEmpty)
        #expect(try column("SELECT count(*) FROM tokens") == [0.databaseValue])
        #expect(try column("SELECT count(*) FROM organisations") == [0.databaseValue])
    }

    @Test func unknownMalformedAndRevokedTokensAreAllNothing() throws {
        let (store, _, invitations) = try opened()
        #expect(try store.redeem(SecretToken.make()) == nil)
        #expect(try store.redeem("short") == nil)
        #expect(try store.redeem(invitations[0].token + "x") == nil)
        #expect(try store.redeem(String(invitations[0].token.dropLast()) + "!") == nil)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE tokens SET revokedAt = 'now' WHERE id = 1") }
        #expect(try store.redeem(invitations[0].token) == nil)
        #expect(try store.redeem(invitations[1].token) == .invitation(invitations[1].organisation))
    }

    @Test func sessionsExpireAndEndAndAreKeptOnlyAsHashes() throws {
        let (store, _, invitations) = try opened()
        let organisation = invitations[0].organisation
        let cookie = try store.startSession(organisation: organisation.id, answerSet: nil, at: "2026-01-05T10:00:00Z",
                                            expiresAt: "2026-01-05T22:00:00Z")
        #expect(try column("SELECT hash FROM sessions").compactMap { Data.fromDatabaseValue($0) } == [SecretToken.hash(cookie)])
        #expect(try store.session(cookie, now: "2026-01-05T21:59:59Z")?.organisation == organisation)
        #expect(try store.session(cookie, now: "2026-01-05T22:00:00Z") == nil)
        #expect(try store.session(SecretToken.make(), now: "2026-01-05T11:00:00Z") == nil)
        try store.endSession(cookie, now: "2026-01-05T11:00:00Z")
        #expect(try store.session(cookie, now: "2026-01-05T11:00:01Z") == nil)
    }

    /// One answer set per role and department in an organisation (the store counts one return each), and
    /// the respondent's session moves onto it; their resume token opens it again.
    @Test func anAnswerSetIsStartedOncePerRespondentAndResumedByItsToken() throws {
        let (store, _, invitations) = try opened()
        let organisation = invitations[0].organisation
        let cookie = try store.startSession(organisation: organisation.id, answerSet: nil, at: "t1", expiresAt: "t9")
        guard case .started(let set, let resume) = try store.startAnswerSet(
            organisation: organisation, role: "Head of procurement", department: "Procurement", validation: "Self-assessed",
            session: cookie, at: "t2") else { Issue.record("not started"); return }
        #expect(try store.session(cookie, now: "t3")?.answerSet == set)
        #expect(try store.redeem(resume) == .resume(organisation, set))
        let again = try store.startAnswerSet(organisation: organisation, role: "head of  Procurement", department: "procurement",
                                             validation: "Self-assessed", session: cookie, at: "t4")
        #expect(again == .taken(set))
        guard case .started = try store.startAnswerSet(organisation: organisation, role: "Head of procurement", department: "Housing",
                                                       validation: "Self-assessed", session: cookie, at: "t5") else {
            Issue.record("another department was refused"); return
        }
        #expect(try store.answerSets(organisation: organisation.id).count == 2)
    }

    @Test func aSaveFromAStalePageIsRefusedAndTwoRespondentsNeverMeet() throws {
        let (store, _, invitations) = try opened()
        let organisation = invitations[0].organisation
        func start(_ department: String) throws -> CollectStore.AnswerSet {
            let cookie = try store.startSession(organisation: organisation.id, answerSet: nil, at: "t1", expiresAt: "t9")
            guard case .started(let set, _) = try store.startAnswerSet(organisation: organisation, role: "Officer", department: department,
                                                                       validation: "Self-assessed", session: cookie, at: "t1")
            else { throw CocoaError(.featureUnsupported) }
            return set
        }
        let first = try start("Finance"), second = try start("Housing")
        let empty = CollectStore.fingerprint([])
        let page = [CollectStore.Draft(indicator: "ind-a", keyArea: "area-1", current: "developing", target: "mature", evidence: "Minutes")]
        #expect(try store.save(answerSet: first.id, keyArea: "area-1", page, expecting: empty, at: "t2") == .saved)
        #expect(try store.save(answerSet: second.id, keyArea: "area-1", [CollectStore.Draft(indicator: "ind-a", keyArea: "area-1", current: "leader")],
                               expecting: empty, at: "t2") == .saved)
        #expect(try store.drafts(answerSet: first.id) == ["ind-a": page[0]])
        // A second tab shown the page before the first save: refused, with the answers as they are now.
        let stale = [CollectStore.Draft(indicator: "ind-a", keyArea: "area-1", current: "minimum")]
        #expect(try store.save(answerSet: first.id, keyArea: "area-1", stale, expecting: empty, at: "t3") == .changedElsewhere(page))
        #expect(try store.drafts(answerSet: first.id) == ["ind-a": page[0]])
        // Another key area's page is its own.
        #expect(try store.save(answerSet: first.id, keyArea: "area-2", [CollectStore.Draft(indicator: "ind-b", keyArea: "area-2")],
                               expecting: empty, at: "t3") == .saved)
        #expect(try store.save(answerSet: first.id, keyArea: "area-1", stale, expecting: CollectStore.fingerprint(page), at: "t4") == .saved)
        #expect(try store.drafts(answerSet: first.id)["ind-a"]?.current == "minimum")
        #expect(try store.drafts(answerSet: second.id)["ind-a"]?.current == "leader")
    }

    /// A submission is a return in `returns`, by the store's rules; the answer set's own later submission
    /// replaces it whatever the dates, and is logged as such.
    @Test func aSubmissionIsRecordedAsAReturnAndAResubmissionReplacesIt() throws {
        let (store, _, invitations) = try opened()
        let organisation = invitations[0].organisation
        let cookie = try store.startSession(organisation: organisation.id, answerSet: nil, at: "t1", expiresAt: "t9")
        guard case .started(let set, _) = try store.startAnswerSet(organisation: organisation, role: "Head of procurement",
                                                                   department: "Procurement", validation: "Self-assessed",
                                                                   session: cookie, at: "t1") else { Issue.record("not started"); return }
        let first = ReturnStoreTests.stored("first1", on: "2026-03-10")
        guard case .recorded(.added) = try store.submit(answerSet: set.id, first, workbook: Data("one".utf8), at: "2026-03-10T10:00:00Z") else {
            Issue.record("not added"); return
        }
        // The same day again, other answers: an ordinary return would be "not newer"; this one replaces.
        let second = ReturnStoreTests.stored("second2", on: "2026-03-10")
        guard case .recorded(.replaced(let older)) = try store.submit(answerSet: set.id, second, workbook: Data("two".utf8),
                                                                      at: "2026-03-10T11:00:00Z") else {
            Issue.record("not replaced"); return
        }
        #expect(older.stored.contentHash == "first1")
        let returns = try ReturnStore(path: path, create: false)
        #expect(try returns.list().map(\.stored.contentHash) == ["second2"])
        #expect(try returns.log().map(\.action) == ["added", "replaced", "added"])
        #expect(try store.submittedWorkbooks(organisation: organisation.id).map(\.workbook) == [Data("two".utf8)])
        // A return of the same respondent from a workbook, assessed later, replaces the submission by the
        // ordinary rule; a submission assessed before it does not replace it back.
        guard case .replaced = try returns.add(ReturnStoreTests.stored("sheet3", on: "2026-04-01"), recordedAt: "2026-04-01T09:00:00Z") else {
            Issue.record("the workbook's later return did not replace the submission"); return
        }
        guard case .notNewer = try store.submit(answerSet: set.id, ReturnStoreTests.stored("third3", on: "2026-03-11"),
                                                workbook: Data("three".utf8), at: "2026-03-11T09:00:00Z") else {
            Issue.record("an older submission replaced a later return"); return
        }
    }

    @Test func aClosedRoundRefusesEveryWrite() throws {
        let (store, round, invitations) = try opened()
        let organisation = invitations[0].organisation
        let cookie = try store.startSession(organisation: organisation.id, answerSet: nil, at: "t1", expiresAt: "t9")
        guard case .started(let set, _) = try store.startAnswerSet(organisation: organisation, role: "Officer", department: "Finance",
                                                                   validation: "Self-assessed", session: cookie, at: "t1") else {
            Issue.record("not started"); return
        }
        guard case .closed(let closed) = try store.close("2026", variant: nil, at: "t2") else { Issue.record("not closed"); return }
        #expect(closed.id == round.id && closed.closedAt == "t2")
        #expect(try store.close("2026", variant: nil, at: "t3") == .alreadyClosed(closed))
        #expect(try store.close("2027", variant: nil, at: "t3") == .noSuchRound)
        #expect(try store.save(answerSet: set.id, keyArea: "a", [], expecting: CollectStore.fingerprint([]), at: "t3") == .closed)
        guard case .closed = try store.submit(answerSet: set.id, ReturnStoreTests.stored("x1"), workbook: Data(), at: "t3") else {
            Issue.record("a closed round took a submission"); return
        }
        #expect(try store.startAnswerSet(organisation: organisation, role: "Officer", department: "Housing", validation: "x",
                                         session: cookie, at: "t3") == .closed)
        #expect(try ReturnStore(path: path, create: false).list().isEmpty)
    }

    /// The store holds people's roles and their organisations' answers: only its owner may read it, and
    /// its write-ahead log the same.
    @Test func aNewStoreIsReadableByItsOwnerAlone() throws {
        let (store, _, invitations) = try opened()
        _ = try store.startSession(organisation: invitations[0].organisation.id, answerSet: nil, at: "t1", expiresAt: "t9")
        for file in [path, path + "-wal"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
    }

    @Test func aBackupIsAWholeCopyTakenWhileTheStoreIsOpen() throws {
        let (store, _, _) = try opened()
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try store.backup(to: copy)
        let copied = try CollectStore(path: copy, create: false)
        #expect(try copied.rounds() == store.rounds())
        #expect(try copied.organisations(roundID: 1) == store.organisations(roundID: 1))
    }
}
