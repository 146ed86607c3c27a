import Foundation
import HTTPTypes
import HummingbirdTesting
import StrategyCollect
import TestSupport
import StrategyStore
import Testing

/// The threat model of docs/collect.md, line by line, against the server in the test process: every route
/// without a session, with a stale one, with another respondent's or organisation's, with a replayed or
/// missing CSRF token; guessed tokens; the headers on every response; a closed round; a page saved from
/// two tabs; a body larger than any form.
@Suite struct CollectSecurityTests {
    /// Every route a respondent's session reaches, with what a POST to it sends.
    static let getRoutes = ["/respond", "/respond/area/engaging-councillors", "/respond/check", "/respond/submitted",
                            "/respond/workbook.xlsx", "/respond/report/"]
    static let postRoutes = ["/respond/start", "/respond/area/engaging-councillors", "/respond/submit", "/signout"]

    /// A respondent of `organisation` who has said who they are and saved one answer.
    static func respondent(_ client: any TestClientProtocol, _ round: CollectRound, _ organisation: String, department: String,
                           current: String) async throws -> Browser {
        var browser = Browser(client)
        try await browser.get("/start/\(round.invitations[organisation]!)")
        try await browser.get("/respond")
        try await browser.post("/respond/start", [("role", "Officer"), ("department", department), ("validation", "Self-assessed")])
        try await browser.get("/respond/area/engaging-councillors")
        let saved = try await browser.post("/respond/area/engaging-councillors", [
            ("fingerprint", browser.fingerprint), ("current-councillors-principle", current), ("target-councillors-principle", "leader"),
            ("evidence-councillors-principle", "\(organisation) \(department) evidence"),
        ])
        #expect(saved.status == .seeOther)
        return browser
    }

    @Test func everyRouteWithoutASessionOrWithAStaleOneChangesNothing() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        try await round.serve(server) { client in
            var stranger = Browser(client)
            for route in Self.getRoutes {
                #expect(try await stranger.get(route).status == .unauthorized, "\(route)")
            }
            for route in Self.postRoutes {
                #expect(try await stranger.post(route, [("role", "x")], csrf: "anything").status == .unauthorized, "\(route)")
            }
            var forged = Browser(client)
            forged.cookie = SecretToken.make()
            #expect(try await forged.get("/respond").status == .unauthorized)
            // A session past its lifetime is as good as none.
            var late = try await Self.respondent(client, round, "Riverside District Council", department: "Finance", current: "developing")
            round.advance(12 * 3600 + 1)
            for route in Self.getRoutes {
                #expect(try await late.get(route).status == .unauthorized, "\(route)")
            }
            #expect(try await late.post("/respond/area/engaging-councillors", [("fingerprint", late.fingerprint),
                                                                               ("current-councillors-principle", "leader")]).status == .unauthorized)
        }
        let drafts = try CollectStore(path: round.store, create: false).drafts(answerSet: 1)
        #expect(drafts["councillors-principle"]?.current == "developing")
    }

    /// A respondent sees and changes their own answer set only: another's session, of the same
    /// organisation or another, never reaches it, and a form with another session's CSRF token is refused.
    @Test func aRespondentReachesOnlyTheirOwnAnswers() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        try await round.serve(server) { client in
            var finance = try await Self.respondent(client, round, "Riverside District Council", department: "Finance", current: "developing")
            var housing = try await Self.respondent(client, round, "Riverside District Council", department: "Housing", current: "mature")
            var hilltop = try await Self.respondent(client, round, "Hilltop County Council", department: "Finance", current: "minimum")
            let own = try await finance.get("/respond/area/engaging-councillors")
            #expect(own.text.contains("Riverside District Council Finance evidence"))
            for browser in [housing, hilltop] {
                var other = browser
                for route in Self.getRoutes {
                    let page = try await other.get(route)
                    #expect(!page.text.contains("Riverside District Council Finance evidence"), "\(route)")
                }
            }
            // Finance's CSRF token in Housing's session (a replayed form) changes nothing.
            let replayed = try await housing.post("/respond/area/engaging-councillors", [
                ("fingerprint", housing.fingerprint), ("current-councillors-principle", "innovator")], csrf: finance.csrf)
            #expect(replayed.status == .forbidden)
            let missing = try await hilltop.post("/respond/area/engaging-councillors", [("csrf", ""), ("current-councillors-principle", "innovator")])
            #expect(missing.status == .forbidden)
            #expect(try await housing.get("/respond/area/engaging-councillors").text.contains("value=\"mature\" checked"))
        }
        let store = try CollectStore(path: round.store, create: false)
        #expect(try (1...3).map { try store.drafts(answerSet: $0)["councillors-principle"]?.current } == ["developing", "mature", "minimum"])
    }

    /// Unknown, malformed and revoked tokens all get the same page; a client that guesses too often is
    /// told to wait, even with a real link, until the window has passed.
    @Test func guessedTokensAreAllAlikeAndRateLimited() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server(limiter: GuessLimiter(limit: 3, window: 600))
        try await round.serve(server) { client in
            var browser = Browser(client)
            let unknown = try await browser.get("/start/" + SecretToken.make())
            let malformed = try await browser.get("/start/abc")
            #expect(unknown.status == .notFound && malformed.status == .notFound)
            #expect(unknown.text == malformed.text)
            #expect(browser.cookie == nil)
            _ = try await browser.get("/start/" + SecretToken.make())
            let blocked = try await browser.get("/start/\(round.invitations["Riverside District Council"]!)")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter] == "600")
            #expect(browser.cookie == nil)
            round.advance(601)
            #expect(try await browser.get("/start/\(round.invitations["Riverside District Council"]!)").status == .seeOther)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        try await round.serve(server) { client in
            var browser = try await Self.respondent(client, round, "Riverside District Council", department: "Finance", current: "developing")
            _ = try await browser.post("/respond/submit", [])
            var pages = [try await browser.get("/collect.css"), try await browser.get("/nowhere"), try await browser.get("/start/x")]
            for route in Self.getRoutes where route != "/respond/report/" { pages.append(try await browser.get(route)) }
            // The report allows, besides the stylesheets, exactly its own inline style (the variant's accent
            // colour), by its hash, worked out here with Python's hashlib.
            let report = try await browser.get("/respond/report/")
            let style = try #require(report.text.range(of: "<style>").flatMap { open in
                report.text[open.upperBound...].range(of: "</style>").map { String(report.text[open.upperBound..<$0.lowerBound]) }
            })
            #expect(style.hasPrefix(":root { --brand: #"))
            let hash = try PythonScript.run("import base64, hashlib, sys; print(base64.b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).decode())", [style])
            #expect(report.headers[HTTPField.Name("Content-Security-Policy")!]
                    == "default-src 'none'; style-src 'self' 'sha256-\(hash)'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
            for page in pages {
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]
                        == "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
            }
            for page in pages + [report] {
                #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(page.headers[.cacheControl] == "no-store" || page.headers[.contentType] == "text/css; charset=utf-8")
                #expect(!page.text.contains("<script"), "a page holds a script")
                #expect(!page.text.contains(" style=\""), "a page holds an inline style")
            }
        }
    }

    /// Two tabs of one respondent: the second save, from a page shown before the first, is refused with the
    /// answers as they are; the first's answers stay.
    @Test func aSaveFromAnOlderTabIsRefusedNotLost() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        try await round.serve(server) { client in
            var browser = try await Self.respondent(client, round, "Riverside District Council", department: "Finance", current: "developing")
            let first = try await browser.get("/respond/area/engaging-councillors")
            let older = try #require(Browser.hidden("fingerprint", in: first.text))
            #expect(try await browser.post("/respond/area/engaging-councillors", [("fingerprint", older), ("current-councillors-principle", "mature")]).status == .seeOther)
            let stale = try await browser.post("/respond/area/engaging-councillors", [("fingerprint", older), ("current-councillors-principle", "leader")])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("These answers were changed elsewhere"))
            #expect(stale.text.contains("name=\"current-councillors-principle\" value=\"mature\" checked"))
        }
        #expect(try CollectStore(path: round.store, create: false).drafts(answerSet: 1)["councillors-principle"]?.current == "mature")
    }

    /// A closed round is read, never written: saves and submissions are refused with 403.
    @Test func aClosedRoundRefusesWritesButShowsTheAnswers() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        try await round.serve(server) { client in
            var browser = try await Self.respondent(client, round, "Riverside District Council", department: "Finance", current: "developing")
            _ = try CollectStore(path: round.store, create: false).close("2026", variant: "riverside", at: "2026-06-01T00:00:00Z")
            let overview = try await browser.get("/respond")
            #expect(overview.status == .ok)
            #expect(overview.text.contains("This round has closed: you can read your answers but not change them."))
            let page = try await browser.get("/respond/area/engaging-councillors")
            #expect(page.text.contains("<fieldset class=\"plain\" disabled>"))
            #expect(try await browser.post("/respond/area/engaging-councillors", [("fingerprint", browser.fingerprint),
                                                                                  ("current-councillors-principle", "leader")]).status == .forbidden)
            #expect(try await browser.post("/respond/submit", []).status == .forbidden)
        }
        let store = try CollectStore(path: round.store, create: false)
        #expect(try store.drafts(answerSet: 1)["councillors-principle"]?.current == "developing")
        #expect(try ReturnStore(path: round.store, create: false).list().isEmpty)
    }

    /// Twenty respondents of one organisation saving at the same moment, five times each: every answer set
    /// ends with its own last answers, and no save is refused or lost.
    @Test func respondentsSavingAtOnceKeepTheirOwnAnswers() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        let levels = ["minimum", "developing", "mature", "leader", "innovator"]
        let statuses = try await round.serve(server) { client in
            try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                for number in 0..<20 {
                    group.addTask {
                        var browser = try await Self.respondent(client, round, "Riverside District Council", department: "Department \(number)",
                                                                current: "minimum")
                        var seen: [HTTPResponse.Status] = []
                        for save in 0..<5 {
                            try await browser.get("/respond/area/engaging-councillors")
                            seen.append(try await browser.post("/respond/area/engaging-councillors", [
                                ("fingerprint", browser.fingerprint), ("current-councillors-principle", levels[(number + save) % 5]),
                                ("evidence-councillors-principle", "Department \(number), save \(save)"),
                            ]).status)
                        }
                        return seen
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        #expect(statuses.count == 100 && statuses.allSatisfy { $0 == .seeOther })
        let store = try CollectStore(path: round.store, create: false)
        let sets = try store.answerSets(organisation: 1)
        #expect(sets.count == 20)
        for set in sets {
            let number = try #require(Int(set.department.dropFirst("Department ".count)))
            let draft = try store.drafts(answerSet: set.id)["councillors-principle"]
            #expect(draft?.current == levels[(number + 4) % 5], "\(set.department)")
            #expect(draft?.evidence == "Department \(number), save 4", "\(set.department)")
        }
    }

    @Test func aBodyLargerThanAnyFormIsRefused() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        try await round.serve(server) { client in
            var browser = try await Self.respondent(client, round, "Riverside District Council", department: "Finance", current: "developing")
            let huge = try await browser.post("/respond/area/engaging-councillors", [("fingerprint", browser.fingerprint),
                                                                                     ("evidence-councillors-principle", String(repeating: "x", count: 300_000))])
            #expect(huge.status == .contentTooLarge)
        }
        #expect(try CollectStore(path: round.store, create: false).drafts(answerSet: 1)["councillors-principle"]?.evidence
                == "Riverside District Council Finance evidence")
    }
}
