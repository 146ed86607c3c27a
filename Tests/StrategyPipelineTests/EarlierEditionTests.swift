import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// The restated 2018 edition (`Editions/2018/`), performed in the test process: a return made from its
/// workbook is read against the 2022 strategy, its 14 answers carried by id and the indicators 2022 added
/// listed as new; and a build held to it publishes what changed.
@Suite struct EarlierEditionTests {
    private static let root = TestPaths.packageRoot

    private func pipeline(_ strategy: String, out: String? = nil) -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: Self.root.appendingPathComponent(strategy).path, templates: .builtIn,
                                               outputFolder: out, generator: "strategyc test"),
                            collector: DiagnosticCollector())
    }

    @Test func a2018ReturnIsCarriedTo2022() throws {
        let folder = try TestPaths.scratch("2018", resolvingLinks: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blank = folder.appendingPathComponent("blank-2018.xlsx").path
        let made = WorkbookAction(pipeline("Editions/2018"), variant: nil, output: blank)
        let workbook = try #require(try made.perform())
        #expect(made.collector.diagnostics == [])
        #expect(workbook.written && workbook.strategy.edition == "2018")
        // Filled in as a council would, with openpyxl: every indicator Developing now, Mature as the target.
        let filled = folder.appendingPathComponent("riverside-2019.xlsx").path
        let rows = try PythonScript.run("""
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Assessment"]
            header = [cell.value for cell in sheet[1]]
            ids, current, target = (header.index(name) + 1 for name in ("Indicator id", "Current level", "Target level"))
            rows = 0
            for row in range(2, sheet.max_row + 1):
                if sheet.cell(row, ids).value:
                    rows += 1
                    sheet.cell(row, current).value = "Developing"
                    sheet.cell(row, target).value = "Mature"
            for name, value in (("AboutOrganisation", "Riverside District Council"), ("AboutRound", 2019)):
                sheet_name, cell = book.defined_names[name].attr_text.split("!")
                book[sheet_name][cell.replace("$", "")].value = value
            book.save(sys.argv[2])
            print(rows)
            """, [blank, filled])
        #expect(rows == "14", "the 2018 workbook has one row per indicator")
        let json = folder.appendingPathComponent("answers.json")
        let read = ReadReturnsAction(pipeline("Strategy"), returns: [filled], variant: nil, output: json.path)
        let outcome = try #require(try read.perform())
        #expect(DiagnosticFormat.text.render(read.collector.diagnostics) == "\(filled):Metadata!B3: warning: the return was made from edition 2018; its answers are carried "
            + "to edition 2022 by indicator id and replaced_by [return-other-edition]\n0 errors and 1 warning generated.\n")
        #expect(outcome.returns.map { [$0.answered, $0.indicators] } == [[14, 67]])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let first = try #require((document["returns"] as? [[String: Any]])?.first)
        let migration = try #require(first["migration"] as? [String: Any])
        #expect(migration["fromEdition"] as? String == "2018")
        #expect((migration["dropped"] as? [String]) == [])
        let new = try #require(migration["new"] as? [String])
        #expect(new.count == 53)
        #expect(new.prefix(3) == ["councillors-champions", "councillors-reporting", "councillors-training"])
        #expect(!new.contains("councillors-principle") && new.contains("adding-value-maturity"))
        let answers = try #require(first["answers"] as? [String: [String: Any]])
        #expect(answers.keys.sorted() == [
            "contracts-principle", "councillors-principle", "developing-talent-maturity", "embedding-change-maturity",
            "enabling-innovation-maturity", "exploiting-digital-technology-maturity", "opportunities-principle",
            "partners-principle", "risk-principle", "senior-managers-principle", "smes-principle", "social-value-principle",
            "suppliers-principle", "vcse-principle"])
        #expect(answers["social-value-principle"]?["current"] as? String == "developing")
        #expect(answers["social-value-principle"]?["target"] as? String == "mature")
    }

    @Test func aBuildSinceThe2018EditionPublishesWhatChanged() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let since = try repo.publish(.build, out: "site", since: Self.root.appendingPathComponent("Editions/2018").path)
        #expect(since.diagnostics == [])
        let files = try #require(since.outcome).publication.files.map(\.path)
        #expect(files.filter { $0.hasSuffix(".html") }.count == 17)
        #expect(files.contains("changes.html"))
        let page = try repo.read("site/changes.html")
        #expect(page.contains("<title>What changed since 2018 – National Procurement Strategy toolkit 2022</title>"))
        #expect(page.contains("<h1>What changed since 2018</h1>"))
        #expect(page.contains("<p><a href=\"key-areas/adding-value.html\">New: Adding value (adding-value, in Enablers).</a></p>"))
        #expect(page.contains("<p><a href=\"key-areas/creating-social-value.html\">“Obtaining social value” is now “Creating social value” (creating-social-value, in Achieving community benefits).</a></p>"))
        #expect(try repo.read("site/index.html").contains("<a href=\"changes.html\">what changed since 2018</a>"))
        // Without --since (and no previous_edition in strategy.md) there is no such page.
        #expect(try repo.build(out: "plain") == [])
        #expect(!FileManager.default.fileExists(atPath: repo.url("plain/changes.html").path))
    }
}
