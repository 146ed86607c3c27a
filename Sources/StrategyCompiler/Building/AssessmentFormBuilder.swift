import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Builds the "About this assessment" choices from `assessment.md`: three lists in the front matter
/// (`organisation_types`, `regions`, `validation`) and guidance for the sheet in the body.
struct AssessmentFormBuilder {
    let collector: DiagnosticCollector

    func build(_ file: SourceFile) -> AssessmentForm? {
        guard let source = ParsedSource(file, collector: collector) else { return nil }
        let guidance = source.bodyText(
            collector: collector, missing: "assessment.md has no guidance: write a paragraph after the front matter "
                + "telling the council who should answer and how")
        guard let fields = source.fields(.assessment, what: "assessment front matter", collector: collector) else { return nil }
        let types = choices(fields, "organisation_types")
        let regions = choices(fields, "regions")
        let validations = choices(fields, "validation")
        guard let types, let regions, let validations else { return nil }
        return AssessmentForm(organisationTypes: types, regions: regions, validations: validations,
                              guidance: guidance, range: file.wholeRange)
    }

    /// One list of choices: present (the schema reports it missing), not empty, no choice twice.
    private func choices(_ fields: FrontMatterFields, _ key: String) -> [String]? {
        guard let pair = fields.pair(key) else { return nil }
        let items = fields.textList(key).map { (value: $0.value.trimmingSpaces(), range: $0.range) }
        guard !items.isEmpty else {
            collector.report(Diagnostic(.assessmentListEmpty, "`\(key)` offers no choices; list at least one",
                                   at: pair.value.range))
            return nil
        }
        var seen: [String: SourceRange] = [:]
        for item in items {
            let folded = item.value.lowercased()
            if let first = seen[folded] {
                collector.report(Diagnostic(
                    .assessmentChoiceDuplicate, "`\(key)` lists '\(item.value)' twice",
                    at: item.range, notes: [.init("first listed here", at: first)]))
            } else {
                seen[folded] = item.range
            }
        }
        return items.map(\.value)
    }
}
