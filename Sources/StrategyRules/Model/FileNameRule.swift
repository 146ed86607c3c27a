import StrategyModel
import StrategyDiagnostics

/// A key area's file is named after its id (`engaging-councillors.md`), so that an editor looking for an
/// id finds the file. A copied file whose id was not changed is caught by the duplicate-id check; this
/// catches the opposite slip, an id changed without renaming the file. Of the two names, the file's is the
/// one to change: the id may already be published.
struct FileNameRule: Rule {
    var subject: RuleSubject { .model }

    func check(_ context: RuleContext, reportingTo collector: DiagnosticCollector) {
        collector.report(findings(in: context.strategy))
    }

    private func findings(in strategy: Strategy) -> [Diagnostic] {
        strategy.allKeyAreas.compactMap { area in
            let name = area.sourcePath.split(separator: "/").last.map(String.init) ?? area.sourcePath
            guard name != area.id + ".md" else { return nil }
            let renamed = String(area.sourcePath.dropLast(name.count)) + area.id + ".md"
            return Diagnostic(
                .fileNameMismatch,
                "file '\(name)' holds key area '\(area.id)'; rename the file to '\(area.id).md' and keep the id "
                    + "(published links, returns and variants use the id, not the file name)",
                at: area.idRange,
                notes: [.init("to rename it: git mv \(area.sourcePath) \(renamed)")])
        }
    }
}
