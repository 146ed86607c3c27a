/// What the online diagnostic's templates (`Templates/collect/`) see. Every text is escaped by Mustache
/// except `descriptorHTML`, which cmark made in safe mode.

/// What every page of the diagnostic carries: its title, whose it is, and the session's CSRF token for
/// the sign-out form.
struct CollectPageView: TemplateFields {
    var pageTitle: String
    var strategyTitle: String
    var round: String
    var organisation: String
    var signedIn: Bool
    var csrf: String
    var generator: String
}

/// A problem with what was typed, linked from the error summary to its field.
struct CollectErrorView: TemplateFields {
    var field: String
    var message: String
}

/// "Who is answering": the organisation's facts (known from the invitation) and the respondent's own.
struct CollectStartView: TemplateFields {
    var page: CollectPageView
    var organisationType: String
    var region: String
    var role: String
    var department: String
    var validations: [CollectChoiceView]
    var errors: [CollectErrorView]
    var hasErrors: Bool
    var roleError: String?
    var departmentError: String?
    var validationError: String?
    var closed: Bool
}

/// One choice of a radio group.
struct CollectChoiceView: TemplateFields {
    var id: String
    /// The radio group's name.
    var name: String
    var value: String
    var label: String
    var hint: String
    var hintHTML: String
    var checked: Bool
}

/// The respondent's own link, shown once.
struct CollectLinkView: TemplateFields {
    var page: CollectPageView
    var link: String
}

/// The task list: every key area with how far it is answered.
struct CollectOverviewView: TemplateFields {
    var page: CollectPageView
    var role: String
    var department: String
    var groups: [CollectTaskGroupView]
    var answered: Int
    var total: Int
    var submitted: Bool
    var submittedAt: String
    var changedSinceSubmission: Bool
    var closed: Bool
}

struct CollectTaskGroupView: TemplateFields {
    var title: String
    var tasks: [CollectTaskView]
}

struct CollectTaskView: TemplateFields {
    var id: String
    var title: String
    var href: String
    /// "Not started", "In progress" or "Completed".
    var status: String
    var statusClass: String
}

/// One key area's page: each indicator's levels, evidence, actions, owner and review date.
struct CollectKeyAreaView: TemplateFields {
    var page: CollectPageView
    var id: String
    var title: String
    var theme: String
    var descriptionHTML: String
    var indicators: [CollectIndicatorView]
    var errors: [CollectErrorView]
    var hasErrors: Bool
    var fingerprint: String
    /// Shown when the page's answers were saved from elsewhere since it was opened.
    var changedElsewhere: Bool
    var minimumNote: String
    var hasMinimumNote: Bool
    var next: String?
    var closed: Bool
}

struct CollectIndicatorView: TemplateFields {
    var id: String
    var title: String
    var current: [CollectChoiceView]
    var target: [CollectChoiceView]
    var evidence: String
    var actions: String
    var owner: String
    var reviewDate: String
    var currentError: String?
    var targetError: String?
    var reviewDateError: String?
    var textError: String?
}

/// "Check your answers": every key area's answers in one summary, then the submit button.
struct CollectCheckView: TemplateFields {
    var page: CollectPageView
    var keyAreas: [CollectCheckAreaView]
    var answered: Int
    var total: Int
    var errors: [CollectErrorView]
    var hasErrors: Bool
    var closed: Bool
}

struct CollectCheckAreaView: TemplateFields {
    var id: String
    var title: String
    var href: String
    var rows: [CollectCheckRowView]
}

struct CollectCheckRowView: TemplateFields {
    var indicator: String
    var current: String
    var target: String
}

/// After submitting: what happened, and where the report and the workbook are.
struct CollectSubmittedView: TemplateFields {
    var page: CollectPageView
    var submittedAt: String
    var replaced: Bool
    var respondents: Int
}

/// A page that only says something: a link that does not work, a closed round, too many tries.
struct CollectMessageView: TemplateFields {
    var page: CollectPageView
    var heading: String
    var paragraphs: [String]
    var linkText: String?
    var linkHref: String?
}
