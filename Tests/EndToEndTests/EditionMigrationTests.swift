import Foundation
import TestSupport
import Testing

/// The restated 2018 edition (`Editions/2018/`): a return made from its workbook is read against the 2022
/// strategy, its 14 answers carried by id, and the indicators 2022 added listed as new.
@Suite struct EditionMigrationTests {
    @Test func a2018ReturnIsCarriedTo2022() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-2018-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let blank = folder.appendingPathComponent("blank-2018.xlsx").path
        let made = try StrategycRunner.run(["workbook", "Editions/2018", "-o", blank])
        #expect(made.stdout == "wrote \(blank): assessment workbook, edition 2018, 14 indicators\n", "\(made.stderr)")
        // Filled in as a council would, with openpyxl: every indicator Developing now, Mature as the target.
        let filled = folder.appendingPathComponent("riverside-2019.xlsx").path
        try PythonScript.run("""
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book["Assessment"]
            header = [cell.value for cell in sheet[1]]
            ids, current, target = (header.index(name) + 1 for name in ("Indicator id", "Current level", "Target level"))
            for row in range(2, sheet.max_row + 1):
                if sheet.cell(row, ids).value:
                    sheet.cell(row, current).value = "Developing"
                    sheet.cell(row, target).value = "Mature"
            for name, value in (("AboutOrganisation", "Riverside District Council"), ("AboutRound", 2019)):
                sheet_name, cell = book.defined_names[name].attr_text.split("!")
                book[sheet_name][cell.replace("$", "")].value = value
            book.save(sys.argv[2])
            """, [blank, filled])
        let json = folder.appendingPathComponent("answers.json")
        let result = try StrategycRunner.run(["read-return", filled, "-o", json.path])
        #expect(result.status == 0)
        #expect(result.stderr == "\(filled):Metadata!B3: warning: the return was made from edition 2018; its answers are carried "
            + "to edition 2022 by indicator id and replaced_by [return-other-edition]\n0 errors and 1 warning generated.\n")
        #expect(result.stdout.hasPrefix("read \(filled): Riverside District Council, round 2019; 14 of 67 indicators with both levels\n"))
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

    @Test func buildSinceThe2018EditionPublishesWhatChanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-since-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site")
        let result = try StrategycRunner.run(["build", "Strategy", "--since", "Editions/2018", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out.path)/: 17 pages, toolkit.md, assessment.xlsx, assessment.csv, model.json (22 files)\n")
        let page = try String(contentsOf: out.appendingPathComponent("changes.html"), encoding: .utf8)
        #expect(page.contains("<title>What changed since 2018 – National Procurement Strategy toolkit 2022</title>"))
        #expect(page.contains("<h1>What changed since 2018</h1>"))
        #expect(page.contains("<p><a href=\"key-areas/adding-value.html\">New: Adding value (adding-value, in Enablers).</a></p>"))
        #expect(page.contains("<p><a href=\"key-areas/creating-social-value.html\">“Obtaining social value” is now “Creating social value” (creating-social-value, in Achieving community benefits).</a></p>"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"changes.html\">what changed since 2018</a>"))
        // Without --since (and no previous_edition in strategy.md) there is no such page.
        let plain = try StrategycRunner.run(["build", "Strategy", "--out", folder.appendingPathComponent("plain").path])
        #expect(plain.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain/changes.html").path))
    }
}
