import StrategyCompiler
import StrategyModel

/// Holds a resolved variant to the rules the national strategy keeps (unique ids, titles, links...). A
/// link that leads to something the variant left out is named as such, with the reason.
enum VariantModelCheck {
    static func check(_ resolved: ResolvedVariant, reportingTo collector: DiagnosticCollector) {
        let modelChecks = DiagnosticCollector(warningsAsErrors: collector.warningsAsErrors)
        StrategyCompiler().check(resolved.strategy, reportingTo: modelChecks)
        let excluded = Dictionary(resolved.exclusions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for diagnostic in modelChecks.diagnostics {
            guard diagnostic.code == .brokenLink, let target = diagnostic.linkTarget else {
                collector.report(diagnostic)
                continue
            }
            let page = target.split(separator: "#").first.map { String($0.split(separator: "/").last ?? $0) } ?? ""
            let id = page.hasSuffix(".html") ? String(page.dropLast(5)) : page
            guard let exclusion = excluded[id] else {
                collector.report(diagnostic)
                continue
            }
            collector.report(Diagnostic(
                .variantExcludedReferenced,
                "this link leads to '\(id)', which '\(exclusion.layer)' leaves out (\(exclusion.reason)); remove the link "
                    + "or keep the key area", at: diagnostic.range))
        }
    }
}
