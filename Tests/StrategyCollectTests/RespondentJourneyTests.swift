import Foundation
import HTTPTypes
import StrategyCollect
import StrategyStore
import Testing

/// A respondent's way through the diagnostic, request by request, in the test process: the invitation
/// exchanged for a session, who is answering, their own link, a key area answered and saved, the check
/// page, submission, and the report and workbook after it; then the store holds exactly those answers.
@Suite struct RespondentJourneyTests {
    private let riverside = "Riverside District Council"

    @Test func aRespondentGoesFromTheInvitationToTheirReport() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        let token = try #require(round.invitations[riverside])
        try await round.serve(server) { client in
            var browser = Browser(client)
            // The invitation: a session cookie, and away from the URL that holds the token.
            let start = try await browser.get("/start/\(token)")
            #expect(start.status == .seeOther)
            #expect(start.location == "/respond")
            let cookie = try #require(start.headers[.setCookie])
            #expect(cookie.hasSuffix("; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict"))
            #expect(!cookie.contains(token))
            // Who is answering: the organisation's facts are known.
            let who = try await browser.get("/respond")
            #expect(who.status == .ok)
            #expect(who.text.contains("<h1>Who is answering</h1>"))
            #expect(who.text.contains("<dt>Organisation</dt><dd>Riverside District Council</dd>"))
            #expect(who.text.contains("<dt>Region</dt><dd>North West</dd>"))
            let own = try await browser.post("/respond/start", [("role", "Head of procurement"), ("department", "Procurement"),
                                                                ("validation", "Self-assessed")])
            #expect(own.status == .ok)
            let link = try #require(own.text.range(of: "https://diagnostic.example.org/start/").map { own.text[$0.lowerBound...].prefix { $0 != "<" } })
            #expect(link.count == "https://diagnostic.example.org/start/".count + 43)
            // A key area: the variant's default target is chosen until the respondent chooses.
            let page = try await browser.get("/respond/area/creating-social-value")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"target-social-value-principle-leader\" name=\"target-social-value-principle\" value=\"leader\" checked"))
            #expect(page.text.contains("Your organisation&#39;s strategy asks for a target of at least Mature in this key area."))
            #expect(!page.text.contains("name=\"target-social-value-principle\" value=\"minimum\""), "a target below the minimum is offered")
            let form = try await browser.get("/respond/area/engaging-councillors")
            #expect(form.text.contains("<h1>Engaging councillors</h1>"))
            let saved = try await browser.post("/respond/area/engaging-councillors", [
                ("fingerprint", browser.fingerprint), ("current-councillors-principle", "developing"), ("target-councillors-principle", "mature"),
                ("evidence-councillors-principle", "Cabinet minutes, March"), ("owner-councillors-principle", "Head of procurement"),
                ("review-councillors-principle", "2026-09-30"), ("current-councillors-champions", "minimum"),
                ("target-councillors-champions", "developing"), ("then", "next"),
            ])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/respond/area/engaging-senior-managers")
            let overview = try await browser.get("/respond")
            #expect(overview.text.contains("You have answered 2 of "))
            #expect(overview.text.contains("Engaging councillors</a> <strong class=\"status status-in-progress\""))
            // Away and back, in another browser, by the respondent's own link.
            var other = Browser(client)
            let resumed = try await other.get("/start/" + link.dropFirst("https://diagnostic.example.org/start/".count))
            #expect(resumed.status == .seeOther)
            #expect(try await other.get("/respond").text.contains("You have answered 2 of "))
            let check = try await other.get("/respond/check")
            #expect(check.text.contains("<dt>High level principle and specific behaviour</dt><dd>Now: Developing. Aim: Mature.</dd>"))
            let sent = try await other.post("/respond/submit", [])
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/respond/submitted")
            let done = try await other.get("/respond/submitted")
            #expect(done.text.contains("<h1>Answers sent</h1>"))
            let report = try await other.get("/respond/report/")
            #expect(report.status == .ok)
            #expect(report.text.contains("<h1>Where Riverside District Council stands</h1>"))
            let workbook = try await other.get("/respond/workbook.xlsx")
            #expect(workbook.status == .ok)
            #expect(workbook.data.prefix(2) == Data("PK".utf8))
            #expect(workbook.headers[.contentDisposition] == "attachment; filename=\"online-2026-riverside-district-council-1.xlsx\"")
        }
        // The store holds exactly those answers, as a return of the variant.
        let stored = try #require(try ReturnStore(path: round.store, create: false).returns().first).stored
        #expect([stored.council, stored.role, stored.department, stored.round, stored.variant] == [riverside, "Head of procurement", "Procurement", "2026", "riverside"])
        #expect(stored.answers.filter { $0.current != nil }.map { [$0.indicator, $0.current, $0.target] }
                == [["councillors-principle", "developing", "mature"], ["councillors-champions", "minimum", "developing"]])
    }

    /// Every problem of a page at once, linked from the error summary to a field on the page, and what was
    /// typed kept; nothing is saved.
    @Test func aPageWithProblemsIsShownAgainWithEveryProblemAndNothingIsSaved() async throws {
        let round = try CollectRound()
        defer { round.remove() }
        let server = try round.server()
        let token = try #require(round.invitations[riverside])
        try await round.serve(server) { client in
            var browser = Browser(client)
            try await browser.get("/start/\(token)")
            try await browser.get("/respond")
            try await browser.post("/respond/start", [("role", "Officer"), ("department", "Finance"), ("validation", "Self-assessed")])
            try await browser.get("/respond/area/creating-social-value")
            let wrong = try await browser.post("/respond/area/creating-social-value", [
                ("fingerprint", browser.fingerprint), ("current-social-value-principle", "leader"),
                ("target-social-value-principle", "developing"), ("review-social-value-principle", "2026-02-30"),
                ("evidence-social-value-principle", "Our plan"),
            ])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"))
            for (field, message) in [
                ("target-social-value-principle", "Aim for Mature or higher on High level principle and specific behaviour: your organisation&#39;s strategy asks for at least that"),
                ("review-social-value-principle", "Enter the review date of High level principle and specific behaviour as a date, such as 2026-09-30"),
            ] {
                #expect(wrong.text.contains("<li><a href=\"#\(field)\">\(message)</a></li>"), "\(field)")
                #expect(wrong.text.contains("id=\"\(field)\""), "the summary links to \(field), which is not on the page")
            }
            #expect(wrong.text.contains(">Our plan</textarea>"))
            #expect(wrong.text.contains("value=\"2026-02-30\""))
        }
        let store = try CollectStore(path: round.store, create: false)
        #expect(try store.drafts(answerSet: 1).isEmpty)
    }
}
