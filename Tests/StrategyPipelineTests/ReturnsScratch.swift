import Foundation
import StrategyDiagnostics
import StrategyPipeline
import Testing
import TestSupport

/// A scratch folder for the actions over returns (`returns add`, `benchmark`, `report`, `read-return`)
/// performed in the test process against the shipped strategy and variants, with the tools apart from
/// strategyc the tests check them with: Python's sqlite3 to read a store (not strategyc's GRDB), and
/// openpyxl to change a return as a spreadsheet would.
struct ReturnsScratch {
    static let root = TestPaths.packageRoot
    /// The committed example returns of the invented Riverside District Council, by name.
    static func example(_ name: String) -> String { root.appendingPathComponent("Examples/returns/\(name).xlsx").path }

    let folder: URL
    var store: String { path("benchmark.sqlite") }

    init() throws { folder = try TestPaths.scratch("returns", resolvingLinks: true) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A pipeline over the shipped strategy, with the built-in templates, writing to `out` in the folder.
    func pipeline(out: String? = nil, warningsAsErrors: Bool = false) -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: Self.root.appendingPathComponent("Strategy").path,
                                               templates: .builtIn, outputFolder: out.map(path), generator: "strategyc test"),
                            collector: DiagnosticCollector(warningsAsErrors: warningsAsErrors))
    }

    /// `returns add FILES --store STORE`: what became of each file (nil when nothing could be read), and
    /// the diagnostics.
    func record(_ files: [String], store: String? = nil, variants: String? = nil, warningsAsErrors: Bool = false)
        throws -> (outcome: RecordReturnsAction.Outcome?, diagnostics: [Diagnostic]) {
        let action = RecordReturnsAction(pipeline(warningsAsErrors: warningsAsErrors), files: files, store: store ?? self.store,
                                         variantsFolder: variants ?? Self.root.appendingPathComponent("Variants").path,
                                         recordedAt: "2026-09-21T14:13:20Z")
        return (try action.perform(), action.collector.diagnostics)
    }

    /// What became of each file, in the words the command's first column uses.
    static func results(_ outcome: RecordReturnsAction.Outcome?) -> [String] {
        (outcome?.entries ?? []).map {
            switch $0.result {
            case .refused: "refused"
            case .added: "added"
            case .unchanged: "unchanged"
            case .replaced: "replaced"
            case .notNewer: "not newer"
            }
        }
    }

    /// Rows of a query on the store, through Python's own sqlite3.
    func query(_ sql: String, store: String? = nil) throws -> String {
        try PythonScript.query(store ?? self.store, sql)
    }

    /// A copy of an example return named `name` in the folder with its About answers changed (nil clears a
    /// cell), or only re-zipped (the same content, other bytes) when `about` is empty.
    func altered(_ example: String, _ about: [String: String?], name: String) throws -> String {
        try PythonScript.copy("Examples/returns/\(example).xlsx", to: path(name), settingAbout: about)
        return path(name)
    }
}
