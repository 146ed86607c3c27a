import Foundation
import StrategyCompiler
import StrategyModel
import Testing
import StrategyDiagnostics

/// One key-area file built against a strategy compiled before gives what compiling the folder gives.
@Suite struct CompileKeyAreaTests {
    private let fixture = TestSupport.fixtures.appendingPathComponent("small")

    @Test func sameKeyAreaAsTheWholeCompilation() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: fixture.path).strategy)
        let relativePath = "key-areas/people/councillors.md"
        let data = try Data(contentsOf: fixture.appendingPathComponent(relativePath))
        let collector = DiagnosticCollector()
        let area = try #require(StrategyCompiler().compileKeyArea(data, relativePath: relativePath, in: strategy,
                                                                   root: fixture.path, reportingTo: collector))
        let whole = try #require(strategy.allKeyAreas.first { $0.id == "councillors" })
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
        #expect(area == whole)
    }

    @Test func problemsArePositionedInTheFileAndUnknownThemesNamed() throws {
        let strategy = try #require(try StrategyCompiler().compile(folder: fixture.path).strategy)
        let text = "---\nid: Bad Id\ntitle: A\ntheme: nowhere\norder: 1\n---\n\nText.\n"
        let collector = DiagnosticCollector()
        _ = StrategyCompiler().compileKeyArea(Data(text.utf8), relativePath: "key-areas/people/a.md", in: strategy,
                                              root: "S", reportingTo: collector)
        let found = collector.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code.rawValue)" }
        #expect(found.contains("2:5 invalid-id"), "\(found)")
        #expect(found.contains("4:8 unknown-theme"), "\(found)")
        #expect(collector.diagnostics.allSatisfy { $0.range.path == "S/key-areas/people/a.md" })
    }
}
