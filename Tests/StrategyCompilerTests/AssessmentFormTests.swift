import Foundation
import StrategyCompiler
import StrategyModel
import Testing

/// `assessment.md`: the choices of the workbook's "About this assessment" sheet, kept as data.
@Suite struct AssessmentFormTests {
    private func compile(_ assessment: String?) throws -> Compilation {
        let folder = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        if let assessment {
            try Data(assessment.utf8).write(to: folder.appendingPathComponent("assessment.md"))
        }
        return try StrategyCompiler().compile(folder: folder.path)
    }

    private func lines(_ compilation: Compilation) -> [String] {
        compilation.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code.rawValue): \($0.message)" }
    }

    @Test func listsAndGuidanceAreRead() throws {
        let compilation = try compile("""
            ---
            organisation_types: [County council, District council]
            regions:
              - North East
              - "London"
            validation: [Self-assessed, Externally validated]
            ---

            Who should *answer*.

            """)
        #expect(compilation.diagnostics.isEmpty, "\(lines(compilation))")
        let form = try #require(compilation.strategy?.assessmentForm)
        #expect(form.organisationTypes == ["County council", "District council"])
        #expect(form.regions == ["North East", "London"])
        #expect(form.validations == ["Self-assessed", "Externally validated"])
        #expect(form.guidance.markdown == "Who should *answer*.")
    }

    @Test func withoutTheFileThereIsNoForm() throws {
        let compilation = try compile(nil)
        #expect(compilation.succeeded)
        #expect(compilation.strategy?.assessmentForm == nil)
    }

    @Test func emptyListsDuplicatesAndMissingKeysAreReportedInOnePass() throws {
        let compilation = try compile("""
            ---
            organisation_types: []
            regions:
              - North East
              - London
              - north east
            ---

            Guidance.

            """)
        #expect(lines(compilation) == [
            "1:1 missing-key: assessment front matter is missing the required key `validation`",
            "2:21 assessment-list-empty: `organisation_types` offers no choices; list at least one",
            "6:5 assessment-choice-duplicate: `regions` lists 'north east' twice",
        ])
        let duplicate = try #require(compilation.diagnostics.last)
        #expect(duplicate.notes.map { "\($0.range?.start.line ?? 0):\($0.range?.start.column ?? 0)" } == ["4:5"])
        #expect(compilation.strategy?.assessmentForm == nil)
    }
}
