import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// Content that could run code or change the model unseen, built in the test process: active content is
/// reported and never published, line endings and a byte-order mark change nothing. (Inputs made to crash
/// or hang the compiler stay in `EndToEndTests.HostileInputTests`, where a crash or a hang is caught in a
/// child process instead of taking the test run down.)
@Suite struct SafeContentTests {
    private let councillorsFile = "Strategy/key-areas/showing-leadership/engaging-councillors.md"
    private let description = "## Description\n\n"

    /// CRLF and lone CR end lines exactly like LF (CommonMark): the same model, and a BOM changes nothing.
    @Test(arguments: [("CRLF", "\r\n"), ("lone CR", "\r"), ("BOM", "\u{FEFF}")])
    func lineEndingsAndBOMGiveTheSameModel(_ name: String, _ variant: String) throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let reference = try #require(try repo.export().outcome).document
        let original = try repo.read(councillorsFile)
        try repo.write(councillorsFile, variant == "\u{FEFF}" ? variant + original : original.replacingOccurrences(of: "\n", with: variant))
        let changed = try repo.export()
        #expect(changed.diagnostics == [], "\(name)")
        #expect(changed.outcome?.document == reference, "\(name) changes the model")
    }

    /// Raw HTML, and links and images whose scheme can run code, are reported and never published;
    /// content that a spreadsheet would run as a formula stays text.
    @Test func activeContentIsNeutralised() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit(councillorsFile, description, description
                      + "<script>alert(1)</script>\n\nSee [a](javascript:alert(1)), [b](vbscript:msgbox), [c](data:text/html,<b>x</b>), "
                      + "![d](javascript:alert(2)) and <img src=x onerror=alert(3)>.\n\n")
        try repo.edit(councillorsFile, "### High level principle and specific behaviour",
                      "### =HYPERLINK(\"http://example.invalid\",\"open\")")
        let built = try repo.build(out: "site")
        #expect(!built.containsErrors)
        #expect(Set(built.map(\.code)) == [.rawHTML, .unsafeLink])
        let page = try repo.read("site/key-areas/engaging-councillors.html")
        for forbidden in ["<script", "javascript:", "vbscript:", "data:text", "onerror"] {
            #expect(!page.contains(forbidden), "\(forbidden) reached the page")
        }
        let csv = try repo.read("site/assessment.csv")
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"open\"\")\","))
        // toolkit.md carries Markdown: the same things are taken out of it, and the text around them stays.
        let toolkit = try repo.read("site/toolkit.md")
        for forbidden in ["<script", "javascript:", "vbscript:", "data:text", "onerror"] {
            #expect(!toolkit.contains(forbidden), "\(forbidden) reached toolkit.md")
        }
        #expect(toolkit.contains("See a, b, c, d and ."))
    }

    /// A strategy with errors is not exported: no file is written.
    @Test func anExportWithErrorsWritesNothing() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.edit("Strategy/key-areas/enablers/embedding-change.md", "status: active", "stauts: active")
        let export = try repo.export(output: "model.json")
        #expect(export.outcome?.written != true)
        #expect(export.diagnostics.containsErrors)
        #expect(!FileManager.default.fileExists(atPath: repo.url("model.json").path))
    }
}
