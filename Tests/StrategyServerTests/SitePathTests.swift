import Testing
@testable import StrategyServer

@Suite struct SitePathTests {
    @Test(arguments: [
        ("/", SitePath.Resolution.folderIndex("index.html")),
        ("", .folderIndex("index.html")),
        ("/index.html", .file("index.html")),
        ("/key-areas/engaging-councillors.html", .file("key-areas/engaging-councillors.html")),
        ("/variants/greener-north/", .folderIndex("variants/greener-north/index.html")),
        ("/variants//greener-north", .file("variants/greener-north")),
        ("/assets/style%2Ecss", .file("assets/style.css")),
    ])
    func resolves(_ path: String, _ expected: SitePath.Resolution) {
        #expect(SitePath.resolve(path) == expected)
    }

    @Test(arguments: ["/..", "/../etc/passwd", "/assets/../../x", "/%2e%2e/x", "/a/%2E%2E/%2E%2E/x", "/..%2fx",
                      "/a/.", "/./index.html", "/a\\..\\x", "/a%5c..%5cx", "/index.html%00.css", "/%zz"])
    func refuses(_ path: String) {
        #expect(SitePath.resolve(path) == .refused)
    }

    @Test func contentTypes() {
        #expect(SitePath.contentType(of: "index.html") == "text/html; charset=utf-8")
        #expect(SitePath.contentType(of: "assets/style.css") == "text/css; charset=utf-8")
        #expect(SitePath.contentType(of: "model.json") == "application/json")
        #expect(SitePath.contentType(of: "toolkit.md") == "text/markdown; charset=utf-8")
        #expect(SitePath.contentType(of: "assessment.xlsx") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(SitePath.contentType(of: "assessment.csv") == "text/csv; charset=utf-8")
        #expect(SitePath.contentType(of: "LICENSE") == "application/octet-stream")
    }
}
