import StrategyDiagnostics
import StrategyModel
import StrategyRender
import StrategyRules

extension TemplateSet {
    /// Holds the templates to the fields the views provide (`RuleSubject.templates`): a misspelt
    /// `{{edtion}}` is an error at its tag rather than a hole in every page. Worked out once per set.
    func checkFields(of strategy: Strategy, reportingTo collector: DiagnosticCollector) {
        collector.report(checkFieldsOnce {
            let subject = TemplateSubject(templates: texts.map { TemplateSubject.Template(name: $0.name, path: $0.path, text: $0.text) },
                                          knownFields: TemplateVocabulary.fields)
            let findings = DiagnosticCollector()
            RuleRegistry.standard.check(.templates, RuleContext(strategy: strategy, templates: subject), reportingTo: findings)
            return findings.diagnostics
        })
    }
}
