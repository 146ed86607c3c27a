import Foundation
import StrategyDiagnostics
import StrategyPipeline
import StrategyStore
import Testing
import TestSupport

/// The online diagnostic's actions performed in the test process against the shipped strategy and the
/// Riverside variant: a round opened from an organisations file (every problem at its row and column,
/// nothing opened if there is one), closed, backed up, and an answer set submitted as a return that the
/// store, `read-return` and the benchmark see as they see a workbook.
@Suite struct CollectRoundTests {
    private let organisations = """
        name,type,region,contact
        Riverside District Council,District council,North West,procurement@riverside.example
        Hilltop County Council,County council,South East,
        """

    private func open(_ scratch: ReturnsScratch, organisations text: String? = nil, round: String = "2026", variant: String? = nil,
                      links: String = "links.csv", baseURL: String = "https://diagnostic.example.org")
        throws -> (outcome: OpenRoundAction.Outcome?, diagnostics: String) {
        try Data((text ?? organisations).utf8).write(to: URL(fileURLWithPath: scratch.path("orgs.csv")))
        let action = OpenRoundAction(scratch.pipeline(), store: scratch.store, round: round, variant: variant,
                                     organisations: scratch.path("orgs.csv"), links: scratch.path(links), baseURL: baseURL,
                                     variantsFolder: ReturnsScratch.root.appendingPathComponent("Variants").path,
                                     openedAt: "2026-01-05T09:00:00Z")
        let outcome = try action.perform()
        return (outcome, DiagnosticFormat.text.render(action.collector.diagnostics))
    }

    /// The links file's rows: organisation, type, region, link.
    private func links(_ scratch: ReturnsScratch, _ name: String = "links.csv") throws -> [[String]] {
        try String(contentsOfFile: scratch.path(name), encoding: .utf8).split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
    }

    @Test func aRoundOpensWithALinkForEveryOrganisation() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let opened = try open(scratch)
        #expect(opened.diagnostics == "")
        let outcome = try #require(opened.outcome)
        #expect(outcome.invitations == 2)
        #expect(outcome.round.round == "2026" && outcome.round.variant == nil && outcome.round.settings.title == "National Procurement Strategy for Local Government in England")
        let rows = try links(scratch)
        #expect(rows.first == ["organisation", "type", "region", "link"])
        #expect(rows.dropFirst().map { Array($0.prefix(3)) } == [["Riverside District Council", "District council", "North West"],
                                                                   ["Hilltop County Council", "County council", "South East"]])
        // Each link opens its own organisation, and only the owner may read the file.
        let store = try CollectStore(path: scratch.store, create: false)
        for (row, name) in zip(rows.dropFirst(), ["Riverside District Council", "Hilltop County Council"]) {
            let link = try #require(row.last)
            #expect(link.hasPrefix("https://diagnostic.example.org/start/"))
            guard case .invitation(let organisation)? = try store.redeem(String(link.dropFirst("https://diagnostic.example.org/start/".count))) else {
                Issue.record("\(name)'s link opens nothing"); continue
            }
            #expect(organisation.name == name)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.path("links.csv"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder.path).filter { $0.contains(".strategyc-") }.isEmpty)
    }

    @Test func everyProblemOfTheOrganisationsFileIsReportedAtItsCellAndNothingIsOpened() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let file = scratch.path("orgs.csv")
        let opened = try open(scratch, organisations: """
            Name,Region,Type
            Riverside District Council,Nort West,District council
            Hilltop County Council,South East,County
            riverside district  council,North West,District council
            ,London,London borough council
            """)
        #expect(opened.outcome == nil)
        #expect(opened.diagnostics == """
            \(file):B2: error: row 2 gives the region 'Nort West', which is not one of assessment.md's choices (did you mean 'North West'?) [collect-organisation-invalid]
            \(file):C3: error: row 3 gives the type 'County', which is not one of assessment.md's choices [collect-organisation-invalid]
            \(file):A4: error: row 4 names 'riverside district  council' again: each organisation is invited once [collect-organisation-invalid]
            \(file):A2: note: first named here
            \(file):A5: error: row 5 gives no name [collect-organisation-invalid]
            4 errors and 0 warnings generated.

            """)
        #expect(!FileManager.default.fileExists(atPath: scratch.store))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("links.csv")))
        let header = try open(scratch, organisations: "organisation,type\nRiverside District Council,District council\n")
        #expect(header.diagnostics.hasPrefix("\(file):A1: error: the header has no 'name' or 'region' column: the first row names the columns, at least name, type and region [collect-organisation-invalid]\n"))
    }

    @Test func aRoundTheStoreHoldsAnExistingLinksFileABadYearOrAddressAreRefused() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        #expect(try open(scratch).outcome != nil)
        let again = try open(scratch, links: "links-2.csv")
        #expect(again.outcome == nil)
        #expect(again.diagnostics.hasPrefix("\(scratch.store): error: the store already holds round 2026 of the national strategy, open since 2026-01-05T09:00:00Z [collect-round-exists]\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("links-2.csv")), "no links for a round not opened")
        let before = try String(contentsOfFile: scratch.path("links.csv"), encoding: .utf8)
        let existing = try open(scratch, round: "2027")
        #expect(existing.diagnostics.hasPrefix("\(scratch.path("links.csv")): error: '\(scratch.path("links.csv"))' already exists: invitation links are written once, so an earlier file is never replaced; choose another --links [output-not-owned]\n"))
        #expect(try String(contentsOfFile: scratch.path("links.csv"), encoding: .utf8) == before)
        let year = try open(scratch, round: "26", links: "l3.csv")
        #expect(year.diagnostics.contains("error: the round '26' is not a year from 2000 to 2100, such as 2026 [collect-round-invalid]"))
        let address = try open(scratch, round: "2028", links: "l4.csv", baseURL: "javascript:alert(1)")
        #expect(address.diagnostics.contains("error: --base-url 'javascript:alert(1)' is not an http or https address without a query"))
        #expect(try CollectStore(path: scratch.store, create: false).rounds().map(\.round) == ["2026"])
    }

    @Test func aRoundIsClosedOnceAndAnUnknownOneIsNamed() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        #expect(try open(scratch, variant: ReturnsScratch.root.appendingPathComponent("Variants/riverside").path).outcome?.round.variant == "riverside")
        func close(_ round: String, _ variant: String?) throws -> (CloseRoundAction.Outcome?, String) {
            let action = CloseRoundAction(scratch.pipeline(), store: scratch.store, round: round, variant: variant, closedAt: "2026-03-31T17:00:00Z")
            let outcome = try action.perform()
            return (outcome, DiagnosticFormat.text.render(action.collector.diagnostics))
        }
        let national = try close("2026", nil)
        #expect(national.0 == nil)
        #expect(national.1.hasPrefix("\(scratch.store): error: the store holds no round 2026 of the national strategy; its rounds are 2026 (variant riverside) [collect-round-unknown]\n"))
        guard case .closed(let closed)? = try close("2026", "Variants/riverside").0 else { Issue.record("not closed"); return }
        #expect(closed.closedAt == "2026-03-31T17:00:00Z")
        #expect(try close("2026", "Variants/riverside/variant.md").0 == .alreadyClosed(closed))
    }

    /// A respondent's answers become a return like any workbook's: the store holds exactly them, the
    /// workbook they can download reads back to them (evidence and all), and a second submission the same
    /// day replaces the first.
    @Test func aSubmittedAnswerSetIsAReturnInTheStore() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let riverside = ReturnsScratch.root.appendingPathComponent("Variants/riverside").path
        let round = try #require(try open(scratch, variant: riverside).outcome).round
        let store = try CollectStore(path: scratch.store, create: false)
        let organisation = try #require(try store.organisations(roundID: round.id).first)
        let session = try store.startSession(organisation: organisation.id, answerSet: nil, at: "t", expiresAt: "u")
        guard case .started(let answerSet, _) = try store.startAnswerSet(
            organisation: organisation, role: "Head of procurement", department: "Procurement", validation: "Self-assessed",
            session: session, at: "2026-02-01T10:00:00Z") else { Issue.record("not started"); return }
        let page = [
            CollectStore.Draft(indicator: "councillors-principle", keyArea: "engaging-councillors", current: "developing", target: "mature",
                               evidence: "=SUM(A1) board minutes", actions: "Train the cabinet", owner: "Head of procurement", reviewDate: "2026-09-30"),
            CollectStore.Draft(indicator: "councillors-champions", keyArea: "engaging-councillors", current: "minimum", target: "developing"),
        ]
        #expect(try store.save(answerSet: answerSet.id, keyArea: "engaging-councillors", page, expecting: CollectStore.fingerprint([]),
                               at: "2026-02-01T10:05:00Z") == .saved)
        func submit(at time: String) throws -> (CollectStore.SubmitOutcome?, [Diagnostic]) {
            let set = try #require(try store.answerSets(organisation: organisation.id).first)
            let action = SubmitAnswerSetAction(scratch.pipeline(), store: store, round: round, organisation: organisation, answerSet: set,
                                               submittedAt: time, workFolder: scratch.folder.path)
            return (try action.perform(), action.collector.diagnostics)
        }
        let (first, diagnostics) = try submit(at: "2026-02-01T11:00:00Z")
        #expect(diagnostics == [])
        guard case .recorded(.added)? = first else { Issue.record("not recorded: \(String(describing: first))"); return }
        let recorded = try ReturnStore(path: scratch.store, create: false).returns()
        #expect(recorded.count == 1)
        let stored = try #require(recorded.first).stored
        #expect([stored.council, stored.councilType, stored.region, stored.role, stored.department, stored.round, stored.assessedOn]
                == ["Riverside District Council", "District council", "North West", "Head of procurement", "Procurement", "2026", "2026-02-01"])
        #expect(stored.variant == "riverside" && stored.basis == .selfAssessed && stored.fileName == "online-2026-riverside-district-council-1.xlsx")
        let answered = stored.answers.filter { $0.current != nil }
        #expect(answered.map { [$0.indicator, $0.current, $0.target] } == [["councillors-principle", "developing", "mature"],
                                                                            ["councillors-champions", "minimum", "developing"]])
        // The workbook the respondent downloads reads back to the same answers, text and all.
        let workbook = try #require(try store.submittedWorkbooks(organisation: organisation.id).first).workbook
        try workbook.write(to: URL(fileURLWithPath: scratch.path("mine.xlsx")))
        let read = ReadReturnsAction(scratch.pipeline(), returns: [scratch.path("mine.xlsx")], variant: riverside, output: nil)
        let back = try #require(try read.perform()?.returns.first).completed
        #expect(read.collector.diagnostics == [])
        #expect(back.answers["councillors-principle"]?.evidence == "=SUM(A1) board minutes")
        #expect(back.answers["councillors-principle"]?.reviewDate == "2026-09-30")
        #expect(back.answers["councillors-principle"]?.owner == "Head of procurement")
        #expect(back.about(.organisation) == "Riverside District Council" && back.about(.round) == "2026")
        // Changed and submitted again the same day: it replaces the first, and the log says so.
        #expect(try store.save(answerSet: answerSet.id, keyArea: "engaging-councillors", [page[1]], expecting: CollectStore.fingerprint(page),
                               at: "2026-02-01T12:00:00Z") == .saved)
        guard case .recorded(.replaced)? = try submit(at: "2026-02-01T12:30:00Z").0 else { Issue.record("not replaced"); return }
        let after = try ReturnStore(path: scratch.store, create: false)
        #expect(try after.returns().flatMap(\.stored.answers).filter { $0.current != nil }.map(\.indicator) == ["councillors-champions"])
        #expect(try after.log().map(\.action) == ["added", "replaced", "added"])
    }

    @Test func aBackupIsWrittenOnlyAsANewFile() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        _ = try open(scratch)
        let backup = BackupStoreAction(scratch.pipeline(), store: scratch.store, destination: scratch.path("copy.sqlite"))
        #expect(try backup.perform() == true)
        #expect(try CollectStore(path: scratch.path("copy.sqlite"), create: false).rounds().map(\.round) == ["2026"])
        let again = BackupStoreAction(scratch.pipeline(), store: scratch.store, destination: scratch.path("copy.sqlite"))
        #expect(try again.perform() == nil)
        #expect(again.collector.diagnostics.map(\.code) == [.outputNotOwned])
    }
}
