import Foundation
import TestSupport
import StrategyModel
import Testing
@testable import StrategyStore

/// The store of record: a return recorded whole or not at all, the same file twice changing nothing, a
/// newer return replacing the older one of the same council, respondent and round (and saying so), and
/// files strategyc did not make left alone.
@Suite struct ReturnStoreTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var storePath: String { folder.appendingPathComponent("benchmark.sqlite").path }

    static func stored(_ hash: String, council: String = "Northfield Borough Council", role: String = "Head of procurement",
                       round: String = "2026", on date: String = "2026-03-10", levels: [(String, String?, String?, Bool)] = [
                           ("ind-a", "developing", "mature", false), ("ind-b", "mature", nil, false), ("local-x", "leader", "leader", true),
                       ]) -> StoredReturn {
        StoredReturn(contentHash: hash, fileName: "\(hash).xlsx", council: council, councilType: "District council",
                     region: "North West", role: role, department: "Procurement", round: round, assessedOn: date,
                     basis: .selfAssessed, edition: "2022", modelEdition: "2022", modelHash: "abc", variant: nil,
                     answers: levels.map { .init(indicator: $0.0, keyArea: "area-1", current: $0.1, target: $0.2, local: $0.3) })
    }

    @Test func aReturnGoesInWithEveryAnswerAndComesBackTheSame() throws {
        let store = try ReturnStore(path: storePath, create: true)
        guard case .added = try store.add(Self.stored("aaa1"), recordedAt: "2026-11-24T10:00:00Z") else {
            Issue.record("not added"); return
        }
        let back = try store.returns()
        #expect(back.count == 1)
        #expect(back.first?.stored == Self.stored("aaa1"))
        #expect(back.first?.answerCount == 3)
        #expect(back.first?.recordedAt == "2026-11-24T10:00:00Z")
        #expect(try store.rounds() == ["2026"])
        #expect(try store.integrityProblem() == nil)
    }

    @Test func theSameFileTwiceChangesNothing() throws {
        let store = try ReturnStore(path: storePath, create: true)
        _ = try store.add(Self.stored("aaa1"), recordedAt: "t1")
        guard case let .unchanged(recorded) = try store.add(Self.stored("aaa1"), recordedAt: "t2") else {
            Issue.record("expected unchanged"); return
        }
        #expect(recorded.recordedAt == "t1")
        #expect(try store.list().count == 1)
        #expect(try store.log().map(\.action) == ["added"])
    }

    @Test func aNewerReturnReplacesTheOlderOneAndTheLogSaysSo() throws {
        let store = try ReturnStore(path: storePath, create: true)
        _ = try store.add(Self.stored("old1", on: "2026-03-01"), recordedAt: "t1")
        guard case let .replaced(older) = try store.add(Self.stored("new1", on: "2026-03-20"), recordedAt: "t2") else {
            Issue.record("expected a replacement"); return
        }
        #expect(older.stored.contentHash == "old1")
        #expect(try store.list().map(\.stored.contentHash) == ["new1"])
        let log = try store.log()
        #expect(log.map(\.action) == ["added", "replaced", "added"])
        #expect(log[1].contentHash == "old1")
        #expect(log[1].detail == "by new1.xlsx (new1), assessed 2026-03-20")
        // The replaced return's answers went with it.
        #expect(try store.returns().flatMap(\.stored.answers).count == 3)
        #expect(try store.integrityProblem() == nil)
    }

    @Test func anOlderOrSameDayReturnOfTheSameRespondentIsNotRecorded() throws {
        let store = try ReturnStore(path: storePath, create: true)
        _ = try store.add(Self.stored("new1", on: "2026-03-20"), recordedAt: "t1")
        for (hash, date) in [("old1", "2026-03-01"), ("same", "2026-03-20")] {
            guard case let .notNewer(recorded) = try store.add(Self.stored(hash, on: date), recordedAt: "t2") else {
                Issue.record("expected \(hash) refused"); continue
            }
            #expect(recorded.stored.contentHash == "new1")
        }
        #expect(try store.list().map(\.stored.contentHash) == ["new1"])
    }

    @Test func anotherRespondentRoundOrCouncilIsAnotherReturn() throws {
        let store = try ReturnStore(path: storePath, create: true)
        _ = try store.add(Self.stored("a"), recordedAt: "t")
        _ = try store.add(Self.stored("b", role: "Finance business partner"), recordedAt: "t")
        _ = try store.add(Self.stored("c", round: "2025", on: "2025-03-10"), recordedAt: "t")
        _ = try store.add(Self.stored("d", council: "Eastmoor City Council"), recordedAt: "t")
        // The same council and respondent, spelt differently, is the same respondent.
        guard case .replaced = try store.add(Self.stored("e", council: "northfield  borough council", role: "HEAD OF PROCUREMENT",
                                                         on: "2026-04-01"), recordedAt: "t") else {
            Issue.record("a respelling should be the same respondent"); return
        }
        #expect(try store.list().map(\.stored.contentHash) == ["c", "d", "b", "e"])
        #expect(try store.list(round: "2025").map(\.stored.contentHash) == ["c"])
        #expect(try store.rounds() == ["2025", "2026"])
    }

    @Test func removingTakesTheReturnAndItsAnswersAndIsLogged() throws {
        let store = try ReturnStore(path: storePath, create: true)
        _ = try store.add(Self.stored("abcdef01"), recordedAt: "t")
        _ = try store.add(Self.stored("fedcba02", role: "Finance"), recordedAt: "t")
        let removed = try store.remove(hashPrefix: "abcd", at: "t3")
        #expect(removed.map(\.stored.contentHash) == ["abcdef01"])
        #expect(try store.list().map(\.stored.contentHash) == ["fedcba02"])
        #expect(try store.returns().flatMap(\.stored.answers).count == 3)
        #expect(try store.log().last?.action == "removed")
        // Nothing that is not a hash prefix of four or more characters removes anything.
        for pattern in ["%", "", "_", "fed", "FEDC", "fedc%"] {
            #expect(try store.remove(hashPrefix: pattern, at: "t4").isEmpty)
        }
        #expect(try store.list().count == 1)
    }

    @Test func reopeningKeepsEverything() throws {
        do {
            let store = try ReturnStore(path: storePath, create: true)
            _ = try store.add(Self.stored("a"), recordedAt: "t")
        }
        let again = try ReturnStore(path: storePath, create: false)
        #expect(try again.list().map(\.stored.contentHash) == ["a"])
    }

    @Test func aStoreKeepsOneRandomDisclosureSecretForGood() throws {
        let first: [UInt8]
        do {
            let store = try ReturnStore(path: storePath, create: true)
            first = try store.disclosureSecret()
        }
        #expect(first.count == 32)
        #expect(Set(first).count > 8, "32 random bytes, not a constant")
        #expect(try ReturnStore(path: storePath, create: false).disclosureSecret() == first)
        let other = storePath + "-other"
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(try ReturnStore(path: other, create: true).disclosureSecret() != first)
    }

    @Test func aStoreMadeBeforeTheDisclosureKeyGetsOneWhenNextOpened() throws {
        // A store as the first schema left it: the returns table and GRDB's record of migration v1 only.
        let made = try ProcessRunner.onPath(["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("PRAGMA application_id = 1400140387")
            c.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            c.execute("INSERT INTO grdb_migrations VALUES ('v1: returns, answers and the log')")
            c.commit()
            """, storePath])
        #expect(made.status == 0)
        let store = try ReturnStore(path: storePath, create: false)
        #expect(try store.disclosureSecret().count == 32)
    }

    @Test func aMissingStoreIsNotMadeUnlessAsked() throws {
        #expect(throws: StoreError.self) { try ReturnStore(path: storePath, create: false) }
        #expect(!FileManager.default.fileExists(atPath: storePath))
    }

    @Test(arguments: ["text", "empty", "foreign-sqlite", "folder"])
    func aFileStrategycDidNotMakeIsRefusedAndLeftAsItWas(kind: String) throws {
        let path = storePath
        var before = Data()
        switch kind {
        case "text": before = Data("my notes\n".utf8); try before.write(to: URL(fileURLWithPath: path))
        case "empty": try before.write(to: URL(fileURLWithPath: path))
        case "foreign-sqlite":
            let made = try ProcessRunner.onPath(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table mine(x)'); c.commit()", path])
            #expect(made.status == 0)
            before = try Data(contentsOf: URL(fileURLWithPath: path))
        default: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        #expect {
            try ReturnStore(path: path, create: true)
        } throws: { error in
            guard let error = error as? StoreError, case .notAStore = error else { return false }
            return true
        }
        if kind != "folder" { #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before) }
    }

    @Test func aStoreFromANewerStrategycIsRefused() throws {
        _ = try ReturnStore(path: storePath, create: true)
        let made = try ProcessRunner.onPath(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"insert into grdb_migrations values ('v9: from the future')\"); c.commit()", storePath])
        #expect(made.status == 0)
        #expect {
            try ReturnStore(path: storePath, create: false)
        } throws: { error in
            guard let error = error as? StoreError, case .newerSchema = error else { return false }
            return true
        }
    }
}

/// A variant's own answers stay the council's: the return a national figure is made from has none of them.
@Suite struct NationalAnswersTests {
    @Test func localAnswersNeverReachANationalFigure() {
        let stored = ReturnStoreTests.stored("aaa1", levels: [
            ("ind-a", "developing", "mature", false), ("ind-b", "leader", nil, true), ("local-x", "leader", "leader", true),
        ])
        let national = stored.nationalReturn()
        #expect(national.answers.keys.sorted() == ["ind-a"])
        #expect(national.answers["ind-a"] == CompletedReturn.Answer(current: "developing", target: "mature"))
        #expect(national.path == "aaa1.xlsx")
    }
}
