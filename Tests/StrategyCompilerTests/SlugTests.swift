@testable import StrategyCompiler
import StrategyModel
import Testing

@Suite struct SlugTests {
    @Test(arguments: ["engaging-councillors", "risk-gdpr", "a", "2022", "x1-y2"])
    func validSlugs(_ slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "-x", "x-", "a--b", "Upper", "with space", "under_score", "../etc", "é", String(repeating: "a", count: 81)])
    func invalidSlugs(_ slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test(arguments: [
        ("Modern slavery (legislation)", "modern-slavery-legislation"),
        ("General Data Protection Regulations (GDPR)", "general-data-protection-regulations-gdpr"),
        ("Councillors' champions", "councillors-champions"),
        ("Café  society", "cafe-society"),
        ("Measurement: themes, outcomes and measures (TOMs)", "measurement-themes-outcomes-and-measures-toms"),
    ])
    func slugsOfTitles(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
        #expect(Slug.isValid(Slug.make(from: title)))
    }
}
