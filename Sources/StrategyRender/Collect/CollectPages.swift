import StrategyDiagnostics
import StrategyModel

/// The online diagnostic's pages, from the templates in `Templates/collect/` (overridable like the
/// site's): given the published strategy and a respondent's answers as values, each page is worded here
/// and rendered there, so the server only decides which page to show.
public struct CollectPages: Sendable {
    let templates: TemplateSet
    let generator: String

    /// The templates the pages are made from.
    public static let templateNames = ["collect/header", "collect/footer", "collect/start", "collect/link", "collect/overview", "collect/key-area",
                                       "collect/check", "collect/submitted", "collect/message", "collect/style.css",
                                       "collect/error-summary"]

    public init(templates: TemplateSet, generator: String) {
        (self.templates, self.generator) = (templates, generator)
    }

    /// What every page says about where it is.
    public struct Frame: Sendable {
        public var strategyTitle: String
        public var round: String
        public var organisation: String
        /// The session's CSRF token, when there is a session (for the sign-out form).
        public var csrf: String?

        public init(strategyTitle: String, round: String, organisation: String, csrf: String?) {
            (self.strategyTitle, self.round, self.organisation, self.csrf) = (strategyTitle, round, organisation, csrf)
        }
    }

    /// One indicator's answers as a form shows them: levels by id, texts as typed.
    public struct Answer: Sendable, Equatable {
        public var current: String?
        public var target: String?
        public var evidence: String
        public var actions: String
        public var owner: String
        public var reviewDate: String

        public init(current: String? = nil, target: String? = nil, evidence: String = "", actions: String = "", owner: String = "",
                    reviewDate: String = "") {
            (self.current, self.target, self.evidence, self.actions, self.owner, self.reviewDate)
                = (current, target, evidence, actions, owner, reviewDate)
        }

        public var isAnswered: Bool { current != nil && target != nil }
    }

    /// A problem with a field, by the field's id on the page (`current-councillors-principle`).
    public struct FieldError: Sendable, Equatable {
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            (self.field, self.message) = (field, message)
        }
    }

    /// The form fields of one indicator, as the key area's page names them.
    public enum Field: String, CaseIterable, Sendable {
        case current, target, evidence, actions, owner, review

        public func name(_ indicator: String) -> String { "\(rawValue)-\(indicator)" }
    }

    // MARK: - Pages

    public func start(_ frame: Frame, type: String, region: String, role: String, department: String, validations: [String],
                      chosen: String?, errors: [FieldError], closed: Bool, reportingTo collector: DiagnosticCollector) -> String {
        let view = CollectStartView(
            page: page("Who is answering", frame), organisationType: type, region: region, role: role, department: department,
            validations: validations.enumerated().map { index, choice in
                CollectChoiceView(id: index == 0 ? "validation" : "validation-\(index + 1)", name: "validation", value: choice, label: choice, hint: "", hintHTML: "",
                                  checked: choice == (chosen ?? validations.first))
            },
            errors: errors.map(view), hasErrors: !errors.isEmpty, roleError: message("role", errors),
            departmentError: message("department", errors), validationError: message("validation", errors), closed: closed)
        return templates.render("collect/start", reportingTo: collector, view)
    }

    public func link(_ frame: Frame, link: String, reportingTo collector: DiagnosticCollector) -> String {
        templates.render("collect/link", reportingTo: collector, CollectLinkView(page: page("Your own link", frame), link: link))
    }

    public func overview(_ frame: Frame, published: PublishedStrategy, answers: [String: Answer], role: String, department: String,
                         submittedAt: String?, changedSinceSubmission: Bool, closed: Bool,
                         reportingTo collector: DiagnosticCollector) -> String {
        let groups = published.themes.map { group in
            CollectTaskGroupView(title: group.theme.title, tasks: group.keyAreas.map { area in
                let done = area.indicators.filter { answers[$0.id]?.isAnswered == true }.count
                let status = done == 0 ? ("Not started", "not-started")
                    : done == area.indicators.count ? ("Completed", "completed") : ("In progress", "in-progress")
                return CollectTaskView(id: area.id, title: area.title, href: "/respond/area/\(area.id)", status: status.0, statusClass: status.1)
            })
        }
        let indicators = published.themes.flatMap(\.keyAreas).flatMap(\.indicators)
        let view = CollectOverviewView(
            page: page("Your answers", frame), role: role, department: department, groups: groups,
            answered: indicators.filter { answers[$0.id]?.isAnswered == true }.count, total: indicators.count,
            submitted: submittedAt != nil, submittedAt: submittedAt ?? "", changedSinceSubmission: changedSinceSubmission, closed: closed)
        return templates.render("collect/overview", reportingTo: collector, view)
    }

    /// One key area's form. `minimum` is the lowest target the variant allows (a level id), `defaultTarget`
    /// the one it proposes, pre-selected while the respondent has chosen none.
    public func keyArea(_ frame: Frame, area: KeyArea, theme: String, levels: [Level], answers: [String: Answer],
                        minimum: String?, defaultTarget: String?, errors: [FieldError], fingerprint: String, changedElsewhere: Bool,
                        next: String?, closed: Bool, reportingTo collector: DiagnosticCollector) -> String {
        let allowed = Self.targetLevels(levels, minimum: minimum)
        let indicators = area.indicators.map { indicator in
            let answer = answers[indicator.id] ?? Answer()
            func choices(_ field: Field, _ offered: [Level], chosen: String?) -> [CollectChoiceView] {
                offered.enumerated().map { index, level in
                    let descriptor = indicator.descriptor(for: level.id)?.text
                    // The first radio carries the group's name as its id: the error summary links to it.
                    let id = index == 0 ? field.name(indicator.id) : "\(field.name(indicator.id))-\(level.id)"
                    return CollectChoiceView(id: id, name: field.name(indicator.id), value: level.id, label: level.name,
                                             hint: descriptor?.plainText ?? "", hintHTML: descriptor?.html ?? "", checked: chosen == level.id)
                }
            }
            func error(_ field: Field) -> String? { message(field.name(indicator.id), errors) }
            return CollectIndicatorView(
                id: indicator.id, title: indicator.title,
                current: choices(.current, levels, chosen: answer.current),
                target: choices(.target, allowed, chosen: answer.target ?? (answer.current == nil ? defaultTarget : nil)),
                evidence: answer.evidence, actions: answer.actions, owner: answer.owner, reviewDate: answer.reviewDate,
                currentError: error(.current), targetError: error(.target), reviewDateError: error(.review),
                textError: [Field.evidence, .actions, .owner].compactMap(error).first)
        }
        let minimumName = minimum.flatMap { id in levels.first { $0.id == id }?.name }
        let view = CollectKeyAreaView(
            page: page(area.title, frame), id: area.id, title: area.title, theme: theme, descriptionHTML: area.description.html,
            indicators: indicators, errors: errors.map(view), hasErrors: !errors.isEmpty, fingerprint: fingerprint,
            changedElsewhere: changedElsewhere,
            minimumNote: minimumName.map { "Your organisation's strategy asks for a target of at least \($0) in this key area." } ?? "",
            hasMinimumNote: minimumName != nil, next: next, closed: closed)
        return templates.render("collect/key-area", reportingTo: collector, view)
    }

    public func check(_ frame: Frame, published: PublishedStrategy, answers: [String: Answer], errors: [FieldError], closed: Bool,
                      reportingTo collector: DiagnosticCollector) -> String {
        let names = Dictionary(published.strategy.levels.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let areas = published.themes.flatMap(\.keyAreas).map { area in
            CollectCheckAreaView(id: area.id, title: area.title, href: "/respond/area/\(area.id)", rows: area.indicators.map { indicator in
                let answer = answers[indicator.id]
                return CollectCheckRowView(indicator: indicator.title,
                                           current: answer?.current.flatMap { names[$0] } ?? "Not answered",
                                           target: answer?.target.flatMap { names[$0] } ?? "Not answered")
            })
        }
        let indicators = published.themes.flatMap(\.keyAreas).flatMap(\.indicators)
        let view = CollectCheckView(
            page: page("Check your answers", frame), keyAreas: areas,
            answered: indicators.filter { answers[$0.id]?.isAnswered == true }.count, total: indicators.count,
            errors: errors.map(view), hasErrors: !errors.isEmpty, closed: closed)
        return templates.render("collect/check", reportingTo: collector, view)
    }

    public func submitted(_ frame: Frame, submittedAt: String, replaced: Bool, respondents: Int,
                          reportingTo collector: DiagnosticCollector) -> String {
        templates.render("collect/submitted", reportingTo: collector, CollectSubmittedView(
            page: page("Answers sent", frame), submittedAt: submittedAt, replaced: replaced, respondents: respondents))
    }

    public func message(_ frame: Frame, title: String, paragraphs: [String], link: (text: String, href: String)? = nil,
                        reportingTo collector: DiagnosticCollector) -> String {
        templates.render("collect/message", reportingTo: collector, CollectMessageView(
            page: page(title, frame), heading: title, paragraphs: paragraphs, linkText: link?.text, linkHref: link?.href))
    }

    /// The pages' stylesheet (a template, so that it is overridable like the pages).
    public func stylesheet(reportingTo collector: DiagnosticCollector) -> String {
        templates.render("collect/style.css", reportingTo: collector, CollectPageView(
            pageTitle: "", strategyTitle: "", round: "", organisation: "", signedIn: false, csrf: "", generator: generator))
    }

    /// The levels a target may be: the minimum and those above it.
    public static func targetLevels(_ levels: [Level], minimum: String?) -> [Level] {
        guard let minimum, let index = levels.firstIndex(where: { $0.id == minimum }) else { return levels }
        return Array(levels[index...])
    }

    // MARK: - Parts

    private func page(_ title: String, _ frame: Frame) -> CollectPageView {
        CollectPageView(pageTitle: title, strategyTitle: frame.strategyTitle, round: frame.round, organisation: frame.organisation,
                        signedIn: frame.csrf != nil, csrf: frame.csrf ?? "", generator: generator)
    }

    private func view(_ error: FieldError) -> CollectErrorView {
        CollectErrorView(field: error.field, message: error.message)
    }

    private func message(_ field: String, _ errors: [FieldError]) -> String? {
        errors.first { $0.field == field }?.message
    }
}
