import Foundation
import TestSupport
import Testing

/// `strategyc collect open|serve|close|backup` as an organiser runs them, on a copy of the repository, with
/// curl as the browser: what each prints, and a server killed (SIGKILL) inside a submission's transaction,
/// which loses nothing that was saved and records no half a return; restarted, it takes the submission.
/// What the pages do is checked in the test process (`StrategyCollectTests`).
@Suite struct CollectCommandTests {
    private let organisations = "name,type,region\nRiverside District Council,District council,North West\n"

    /// Rows of a query on the store, through Python's own sqlite3.
    private func query(_ store: URL, _ sql: String) throws -> String {
        try PythonScript.query(store.path, sql)
    }

    private func hidden(_ name: String, in page: String) -> String { HTMLForm.hidden(name, in: page) ?? "" }

    @Test func aServerKilledWhileSubmittingLosesNothingAndTakesTheSubmissionWhenRestarted() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.write("orgs.csv", organisations)
        let opened = try repo.run(["collect", "open", "--store", "round.sqlite", "--round", "2026", "--organisations", "orgs.csv",
                                   "--links", "links.csv", "--base-url", "https://diagnostic.example.org"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout == "wrote links.csv: 1 invitation link to round 2026 of the national strategy, opened in round.sqlite\n")
        let link = try #require(try repo.read("links.csv").split(separator: "\r\n").last?.split(separator: ",").last)
        let token = String(link.dropFirst("https://diagnostic.example.org/start/".count))
        let store = repo.url("round.sqlite")

        let crashing = try ServeSession(["--store", "round.sqlite"], in: repo.root, command: ["collect", "serve"],
                                        environment: ["STRATEGYC_TEST_CRASH_DURING_SUBMIT": "1"])
        #expect(crashing.stdout.hasPrefix("Serving round 2026 of round.sqlite at http://127.0.0.1:"))
        #expect(crashing.get("start/\(token)").status == 303)
        let who = crashing.get("respond")
        #expect(who.status == 200)
        #expect(crashing.post("respond/start", [("csrf", hidden("csrf", in: who.body)), ("role", "Head of procurement"),
                                                ("department", "Procurement"), ("validation", "Self-assessed")]).status == 200)
        let page = crashing.get("respond/area/engaging-councillors")
        let csrf = hidden("csrf", in: page.body)
        let saved = crashing.post("respond/area/engaging-councillors", [
            ("csrf", csrf), ("fingerprint", hidden("fingerprint", in: page.body)), ("current-councillors-principle", "developing"),
            ("target-councillors-principle", "mature"), ("evidence-councillors-principle", "Cabinet minutes")])
        #expect(saved.status == 303)
        // Killed inside the submission's transaction: the request gets no answer.
        #expect(crashing.post("respond/submit", [("csrf", csrf)]).status == 0)
        #expect(waitUntil(timeout: 20) { !crashing.process.isRunning })
        #expect(crashing.process.terminationReason == .uncaughtSignal)
        #expect(try query(store, "pragma integrity_check") == "ok")
        #expect(try query(store, "select count(*) from returns") == "0")
        #expect(try query(store, "select submittedAt from answerSets") == "None")
        #expect(try query(store, "select indicator, current, target, evidence from draftAnswers") == "councillors-principle|developing|mature|Cabinet minutes")
        let jar = try Data(contentsOf: crashing.cookieJar)

        // Restarted, the same browser goes on where it was, and the submission is recorded once.
        let restarted = try ServeSession(["--store", "round.sqlite"], in: repo.root, command: ["collect", "serve"])
        try jar.write(to: restarted.cookieJar)
        #expect(restarted.get("respond").body.contains("You have answered 1 of "))
        #expect(restarted.post("respond/submit", [("csrf", csrf)]).status == 303)
        #expect(try query(store, "select council, role, assessedOn != '' from returns") == "Riverside District Council|Head of procurement|1")
        #expect(try query(store, "select count(*) from answers where current is not null") == "1")
        let interrupted = restarted.interrupt()
        #expect(interrupted.stopped)
        #expect(restarted.stdout.hasSuffix("Stopped serving; every saved page is in round.sqlite.\n"))

        let backup = try repo.run(["collect", "backup", "--store", "round.sqlite", "--to", "copy.sqlite"])
        #expect(backup.stdout == "wrote copy.sqlite: a copy of round.sqlite\n", "\(backup.stderr)")
        #expect(try query(repo.url("copy.sqlite"), "select count(*) from returns") == "1")
        let closed = try repo.run(["collect", "close", "--store", "round.sqlite", "--round", "2026"])
        #expect(closed.status == 0)
        #expect(closed.stdout.hasPrefix("wrote round.sqlite: round 2026 closed at "))
        let again = try repo.run(["collect", "close", "--store", "round.sqlite", "--round", "2027"])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("round.sqlite: error: the store holds no round 2027 of the national strategy; its rounds are 2026 [collect-round-unknown]\n"))
    }
}
