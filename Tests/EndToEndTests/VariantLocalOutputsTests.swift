import Foundation
import TestSupport
import Testing

/// Issue 23: a variant's outputs must say what is local. Its publisher, its priorities on the key area's
/// own page and in the workbook, toolkit.md carrying what the site carries, indicators named with their key
/// area, and the organisation type and weights explained. Each test here runs the built binary on the examples;
/// what needs no command line is in `StrategyPipelineTests.VariantOutputsTests`, in the test process.
@Suite struct VariantLocalOutputsTests {
    private let region = "Variants/greener-north/variant.md"
    private let district = "Variants/small-district/variant.md"

    /// What openpyxl reads from a workbook: Metadata's Publisher, the document's creator, and each Target
    /// cell's input message by Assessment row (Excel numbering).
    private func workbookFacts(_ path: URL) throws -> [String: Any] {
        let json = try PythonScript.run("""
            import sys, json, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            metadata = {row[0].value: row[1].value for row in book["Metadata"].iter_rows(min_row=2)}
            sheet = book["Assessment"]
            target = [c.value for c in sheet[1]].index("Target level") + 1
            prompts = {}
            for validation in sheet.data_validations.dataValidation:
                for cells in validation.sqref.ranges:
                    if cells.min_col <= target <= cells.max_col:
                        for row in range(cells.min_row, cells.max_row + 1):
                            prompts[str(row)] = validation.prompt
            rows = {str(r): sheet.cell(row=r, column=2).value for r in range(2, sheet.max_row + 1)}
            print(json.dumps({"publisher": metadata.get("Publisher"), "creator": book.properties.creator,
                              "prompts": prompts, "keyAreas": rows}))
            """, [path.path])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// Item 2: `publisher:` is accepted, inherited along the chain (riverside from greener-north), and used by
    /// the footer, toolkit.md, model.json, the export and the workbook; without one, the national publisher.
    @Test func aVariantsPublisherIsItsOwnAndInherited() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(region, "base_edition: 2022\n", "base_edition: 2022\npublisher: Northern Lights Procurement Hub\n")
        let checked = try repo.run(["check", "--variant", "Variants/riverside", "--warnings-as-errors"])
        #expect(checked.status == 0, "\(checked.stderr)")
        let built = try repo.run(["build", "--variant", "Variants/riverside", "--out", "council"])
        #expect(built.status == 0, "\(built.stderr)")
        let home = try repo.read("council/index.html")
        #expect(home.contains("<p>Riverside District Council procurement strategy, edition 2022. Published by Northern Lights Procurement Hub.</p>"))
        #expect(!home.contains("Published by Local Government Association"))
        let toolkit = try repo.read("council/toolkit.md")
        #expect(toolkit.contains("\nEdition 2022, published by Northern Lights Procurement Hub.\n"))
        let model = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: repo.url("council/model.json"))) as? [String: Any])
        #expect(model["publisher"] as? String == "Northern Lights Procurement Hub")
        let facts = try workbookFacts(repo.url("council/assessment.xlsx"))
        #expect(facts["publisher"] as? String == "Northern Lights Procurement Hub")
        #expect(facts["creator"] as? String == "Northern Lights Procurement Hub")
        let export = try repo.run(["export", "--variant", "Variants/riverside"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect((object["variant"] as? [String: Any])?["publisher"] as? String == "Northern Lights Procurement Hub")
        #expect((object["model"] as? [String: Any])?["publisher"] as? String == "Northern Lights Procurement Hub")
        // A variant whose chain sets none keeps the national publisher.
        let alone = try repo.run(["build", "--variant", "Variants/small-district", "--out", "district"])
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(try repo.read("district/index.html").contains("Published by Local Government Association.</p>"))
    }

    /// Item 3: the resolved priority (the region's weight and minimum, the council's target) on the key
    /// area's own page and as the guidance of its rows' Target cells in the workbook.
    @Test func aPriorityShowsOnItsKeyAreaPageAndInItsWorkbookRows() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let built = try repo.run(["build", "--variant", "Variants/riverside", "--out", "council"])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try repo.read("council/key-areas/creating-social-value.html")
        #expect(page.contains("""
            <section class="priority" aria-labelledby="priority">
            <h2 id="priority">Priority in this variant</h2>
            <p>Weight 3 (counts 3 times as much as a key area of weight 1), default target Leader, minimum target Mature. <a href="../variant.html#priorities">How weights and targets work</a></p>
            </section>
            """))
        #expect(!(try repo.read("council/key-areas/engaging-councillors.html")).contains("class=\"priority\""))
        let facts = try workbookFacts(repo.url("council/assessment.xlsx"))
        let prompts = try #require(facts["prompts"] as? [String: String])
        let areas = try #require(facts["keyAreas"] as? [String: String])
        let social = areas.filter { $0.value == "Creating social value" }.keys.sorted { Int($0)! < Int($1)! }
        let other = try #require(areas.first { $0.value == "Engaging councillors" }?.key)
        #expect(!social.isEmpty)
        for row in social {
            #expect(prompts[row] == "The level the council aims to reach. This variant gives this key area weight 3 (counts 3 times "
                    + "as much as a key area of weight 1), default target Leader, minimum target Mature.")
        }
        #expect(prompts[other] == "The level the council aims to reach.")
        #expect(prompts.count == areas.count, "every Target cell keeps its dropdown")
    }

    /// Item 5: `diff` names the key area of an indicator that replaces a retired one, in Markdown and JSON.
    @Test func diffNamesTheKeyAreaOfAReplacingIndicator() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.shell(["cp", "-R", "Strategy", "Old"])
        try repo.edit("Strategy/key-areas/showing-leadership/engaging-councillors.md", "{#councillors-reporting}",
                      "{#councillors-reporting retired_in=2022 replaced_by=councillors-champions}")
        let markdown = try repo.run(["diff", "Old", "Strategy"])
        #expect(markdown.stdout.contains("- Retired in 2022: Reporting (councillors-reporting, in Engaging councillors). Replaced by "
                                         + "Procurement and commercial champions (councillors-champions, in Engaging councillors).\n"),
                "\(markdown.stdout)")
        let json = try repo.run(["diff", "Old", "Strategy", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        let retired = try #require(changes.first { $0["id"] as? String == "councillors-reporting" })
        let replacement = try #require((retired["replacedBy"] as? [[String: Any]])?.first)
        #expect(replacement["parent"] as? String == "Engaging councillors")
    }

}
