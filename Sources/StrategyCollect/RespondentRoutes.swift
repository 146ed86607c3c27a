import Foundation
import HTTPTypes
import Hummingbird
import StrategyDiagnostics
import StrategyModel
import StrategyPipeline
import StrategyRender
import StrategyStore

/// The respondent's pages: each route reads the store, calls an action or renders a page, and says so
/// with a status a browser and a test can tell apart.
extension CollectServer {
    func stylesheet() -> Response {
        guard let prepared = firstRound else { return notFound() }
        let css = prepared.pages.stylesheet(reportingTo: DiagnosticCollector())
        var response = Responses.body(.ok, Data(css.utf8), type: "text/css; charset=utf-8")
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// An invitation or resume link: exchanged for a session, then away from the URL that holds the token.
    /// Unknown, revoked and malformed tokens get the same page; too many of them from one address, 429.
    func start(_ request: Request, _ context: CollectRequestContext) async throws -> Response {
        let address = address(request, context), now = clock()
        if let wait = await limiter.retryAfter(address, now: now) {
            var response = message(.tooManyRequests, nil, "Too many tries",
                                   ["This address has tried too many links that do not work. Wait \(wait / 60 + 1) minutes, then open your link again."])
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let token = context.parameters.get("token") ?? ""
        guard let grant = try store.redeem(token) else {
            await limiter.failed(address, now: now)
            return message(.notFound, nil, "This link does not work",
                           ["Check that you copied the whole link. If it still does not work, ask whoever sent it to you for a new one."])
        }
        let organisation: CollectStore.Organisation, answerSet: CollectStore.AnswerSet?
        switch grant {
        case .invitation(let invited): (organisation, answerSet) = (invited, nil)
        case .resume(let invited, let set): (organisation, answerSet) = (invited, set)
        }
        let secret = try store.startSession(organisation: organisation.id, answerSet: answerSet?.id, at: iso(now),
                                            expiresAt: iso(now.addingTimeInterval(options.sessionLifetime)))
        return Responses.redirect("/respond", cookie: sessionCookie(secret))
    }

    /// The start page until the respondent has said who they are; then the overview of their answers.
    func respond(_ signedIn: SignedIn) throws -> Response {
        guard let set = signedIn.session.answerSet else { return startPage(signedIn, role: "", department: "", chosen: nil, errors: []) }
        let collector = DiagnosticCollector()
        let page = signedIn.prepared.pages.overview(
            signedIn.frame, published: signedIn.prepared.context.published, answers: try answers(set), role: set.role,
            department: set.department, submittedAt: set.submittedAt, changedSinceSubmission: set.changedSinceSubmission,
            closed: !signedIn.session.round.isOpen, reportingTo: collector)
        return Responses.html(.ok, page)
    }

    func startPage(_ signedIn: SignedIn, role: String, department: String, chosen: String?, errors: [CollectPages.FieldError],
                   status: HTTPResponse.Status = .ok) -> Response {
        let organisation = signedIn.session.organisation
        let page = signedIn.prepared.pages.start(
            signedIn.frame, type: organisation.type, region: organisation.region, role: role, department: department,
            validations: signedIn.prepared.context.strategy.assessmentForm?.validations ?? [], chosen: chosen, errors: errors,
            closed: !signedIn.session.round.isOpen, reportingTo: DiagnosticCollector())
        return Responses.html(status, page)
    }

    func startAnswering(_ signedIn: SignedIn, _ form: FormBody) throws -> Response {
        if signedIn.session.answerSet != nil { return Responses.redirect("/respond") }
        let role = AnswerForm.cleaned(form.text("role")), department = AnswerForm.cleaned(form.text("department"))
        let validations = signedIn.prepared.context.strategy.assessmentForm?.validations ?? []
        let validation = form.text("validation")
        var errors: [CollectPages.FieldError] = []
        if role.isEmpty { errors.append(.init(field: "role", message: "Enter your role")) }
        if role.count > CollectLimits.shortText { errors.append(.init(field: "role", message: "Your role must be 200 characters or fewer")) }
        if department.isEmpty { errors.append(.init(field: "department", message: "Enter your department or service")) }
        if department.count > CollectLimits.shortText {
            errors.append(.init(field: "department", message: "Your department must be 200 characters or fewer"))
        }
        if !validations.contains(validation) { errors.append(.init(field: "validation", message: "Choose whose judgement the levels are")) }
        guard errors.isEmpty else {
            return startPage(signedIn, role: role, department: department, chosen: validation, errors: errors, status: .badRequest)
        }
        switch try store.startAnswerSet(organisation: signedIn.session.organisation, role: role, department: department,
                                        validation: validation, session: signedIn.secret, at: iso(clock())) {
        case .started(_, let resumeToken):
            let link = RoundFiles.invitationLink(resumeToken, baseURL: signedIn.prepared.round.settings.baseURL)
            return Responses.html(.ok, signedIn.prepared.pages.link(signedIn.frame, link: link, reportingTo: DiagnosticCollector()))
        case .taken(let set):
            return startPage(signedIn, role: role, department: department, chosen: validation, errors: [
                .init(field: "role", message: "Someone from your organisation is already answering as \(set.role), \(set.department): "
                    + "open your own link to go on, or give another role or department"),
            ], status: .conflict)
        case .closed:
            return closed(signedIn)
        }
    }

    // MARK: - Key areas

    /// The key area's place: the area, its theme's title, and the next area's id.
    func area(_ id: String, in prepared: PrepareRoundsAction.PreparedRound) -> (area: KeyArea, theme: String, next: String?)? {
        let all = prepared.context.published.themes.flatMap { group in group.keyAreas.map { ($0, group.theme.title) } }
        guard let index = all.firstIndex(where: { $0.0.id == id }) else { return nil }
        return (all[index].0, all[index].1, index + 1 < all.count ? all[index + 1].0.id : nil)
    }

    func keyArea(_ id: String, _ signedIn: SignedIn) throws -> Response {
        guard let set = signedIn.session.answerSet else { return Responses.redirect("/respond") }
        guard let place = area(id, in: signedIn.prepared) else { return notFound(signedIn.frame) }
        let drafts = try store.drafts(answerSet: set.id)
        return keyAreaPage(signedIn, place, answers: drafts.mapValues(Self.answer),
                           fingerprint: CollectStore.fingerprint(drafts.values.filter { $0.keyArea == id }), errors: [], changedElsewhere: false)
    }

    func keyAreaPage(_ signedIn: SignedIn, _ place: (area: KeyArea, theme: String, next: String?), answers: [String: CollectPages.Answer],
                     fingerprint: String, errors: [CollectPages.FieldError], changedElsewhere: Bool,
                     status: HTTPResponse.Status = .ok) -> Response {
        let priority = signedIn.prepared.context.priorities[place.area.id]
        let page = signedIn.prepared.pages.keyArea(
            signedIn.frame, area: place.area, theme: place.theme, levels: signedIn.prepared.context.strategy.levels, answers: answers,
            minimum: priority?.minimumTarget, defaultTarget: priority?.target, errors: errors, fingerprint: fingerprint,
            changedElsewhere: changedElsewhere, next: place.next, closed: !signedIn.session.round.isOpen, reportingTo: DiagnosticCollector())
        return Responses.html(status, page)
    }

    func saveKeyArea(_ id: String, _ signedIn: SignedIn, _ form: FormBody) throws -> Response {
        guard let set = signedIn.session.answerSet else { return Responses.redirect("/respond") }
        guard let place = area(id, in: signedIn.prepared) else { return notFound(signedIn.frame) }
        guard signedIn.session.round.isOpen else { return closed(signedIn) }
        let levels = signedIn.prepared.context.strategy.levels
        let (answers, errors) = AnswerForm.read(form, area: place.area, levels: levels,
                                                minimum: signedIn.prepared.context.priorities[id]?.minimumTarget)
        let fingerprint = form.text("fingerprint")
        guard errors.isEmpty else {
            return keyAreaPage(signedIn, place, answers: answers, fingerprint: fingerprint, errors: errors, changedElsewhere: false,
                               status: .badRequest)
        }
        let drafts = place.area.indicators.compactMap { indicator -> CollectStore.Draft? in
            guard let answer = answers[indicator.id] else { return nil }
            let draft = CollectStore.Draft(indicator: indicator.id, keyArea: id, current: answer.current, target: answer.target,
                                           evidence: answer.evidence, actions: answer.actions, owner: answer.owner, reviewDate: answer.reviewDate)
            let blank = draft.current == nil && draft.target == nil && draft.evidence.isEmpty && draft.actions.isEmpty
                && draft.owner.isEmpty && draft.reviewDate.isEmpty
            return blank ? nil : draft
        }
        switch try store.save(answerSet: set.id, keyArea: id, drafts, expecting: fingerprint, at: iso(clock())) {
        case .saved:
            return Responses.redirect(form.text("then") == "next" ? place.next.map { "/respond/area/\($0)" } ?? "/respond/check" : "/respond")
        case .changedElsewhere(let now):
            let current = Dictionary(now.map { ($0.indicator, Self.answer($0)) }, uniquingKeysWith: { first, _ in first })
            return keyAreaPage(signedIn, place, answers: current, fingerprint: CollectStore.fingerprint(now), errors: [],
                               changedElsewhere: true, status: .conflict)
        case .closed:
            return closed(signedIn)
        }
    }

    // MARK: - Submitting

    func check(_ signedIn: SignedIn, errors: [CollectPages.FieldError], status: HTTPResponse.Status = .ok) throws -> Response {
        guard let set = signedIn.session.answerSet else { return Responses.redirect("/respond") }
        let page = signedIn.prepared.pages.check(signedIn.frame, published: signedIn.prepared.context.published, answers: try answers(set),
                                                 errors: errors, closed: !signedIn.session.round.isOpen, reportingTo: DiagnosticCollector())
        return Responses.html(status, page)
    }

    /// The answers as a return, by `SubmitAnswerSetAction`: what the reader says is wrong with them is
    /// shown on the check page, with the file's name taken out.
    func submit(_ signedIn: SignedIn) throws -> Response {
        guard let set = signedIn.session.answerSet else { return Responses.redirect("/respond") }
        guard signedIn.session.round.isOpen else { return closed(signedIn) }
        let collector = DiagnosticCollector()
        let settings = signedIn.prepared.round.settings
        let pipeline = PublicationPipeline(
            PublicationRequest(strategyFolder: settings.strategyFolder, templates: .builtIn, generator: options.generator),
            collector: collector)
        let folder = options.workFolder + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var action = SubmitAnswerSetAction(pipeline, store: store, round: signedIn.session.round, organisation: signedIn.session.organisation,
                                           answerSet: set, submittedAt: iso(clock()), workFolder: folder)
        action.duringTransaction = duringSubmit
        let outcome = try action.perform()
        let problems = collector.diagnostics.filter { $0.severity == .error }.map { diagnostic in
            CollectPages.FieldError(field: "answers", message: diagnostic.message.replacingOccurrences(of: folder + "/", with: ""))
        }
        switch outcome {
        case .recorded?:
            return Responses.redirect("/respond/submitted")
        case .notNewer(let recorded)?:
            return message(.conflict, signedIn.frame, "Your answers were not sent", [
                "A return for \(signedIn.session.organisation.name), \(set.role), \(set.department), assessed on \(recorded.stored.assessedOn), is already in the round, and it is later than today's answers.",
                "Ask whoever runs the round to remove it if these answers should count instead.",
            ], link: ("Your answers", "/respond"))
        case .closed?:
            return closed(signedIn)
        case nil:
            return try check(signedIn, errors: problems.isEmpty ? [.init(field: "answers", message: "Your answers could not be sent; try again")] : problems,
                             status: .unprocessableContent)
        }
    }

    func submitted(_ signedIn: SignedIn) throws -> Response {
        guard let set = signedIn.session.answerSet, let submittedAt = set.submittedAt else { return Responses.redirect("/respond") }
        let respondents = try store.answerSets(organisation: signedIn.session.organisation.id).filter { $0.submittedAt != nil }.count
        let replaced = try store.log(roundID: signedIn.session.round.id).filter {
            $0.action == "submitted" && $0.organisation == signedIn.session.organisation.name && $0.detail.hasPrefix("\(set.role), \(set.department):")
        }.count > 1
        return Responses.html(.ok, signedIn.prepared.pages.submitted(signedIn.frame, submittedAt: submittedAt, replaced: replaced,
                                                                     respondents: respondents, reportingTo: DiagnosticCollector()))
    }

    func workbook(_ signedIn: SignedIn) throws -> Response {
        guard let set = signedIn.session.answerSet,
              let mine = try store.submittedWorkbooks(organisation: signedIn.session.organisation.id).first(where: { $0.answerSet.id == set.id })
        else { return notFound(signedIn.frame) }
        let name = AnswerSetReturn.fileName(of: set, organisation: signedIn.session.organisation, round: signedIn.session.round.round)
        return Responses.body(.ok, mine.workbook, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download: name)
    }

    func signOut(_ signedIn: SignedIn) throws -> Response {
        try store.endSession(signedIn.secret, now: iso(clock()))
        var response = message(.ok, nil, "You have signed out", ["Your answers are kept. Open your own link to go on."])
        response.headers[.setCookie] = "\(Self.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (options.secureCookies ? "; Secure" : "")
        return response
    }

    // MARK: - Parts

    func answers(_ set: CollectStore.AnswerSet) throws -> [String: CollectPages.Answer] {
        try store.drafts(answerSet: set.id).mapValues(Self.answer)
    }

    static func answer(_ draft: CollectStore.Draft) -> CollectPages.Answer {
        CollectPages.Answer(current: draft.current, target: draft.target, evidence: draft.evidence, actions: draft.actions, owner: draft.owner,
                            reviewDate: draft.reviewDate)
    }

    /// The round opened first: whose templates give the pages that belong to no round (a link that does
    /// not work, the stylesheet).
    var firstRound: PrepareRoundsAction.PreparedRound? { rounds.values.min { $0.round.id < $1.round.id } }

    func closed(_ signedIn: SignedIn) -> Response {
        message(.forbidden, signedIn.frame, "This round has closed",
                ["Answers can no longer be changed or sent. What was sent before it closed is kept."], link: ("Your answers", "/respond"))
    }

    func noSession() -> Response {
        message(.unauthorized, nil, "Open your link again",
                ["Your session has ended, or this browser has not opened a link yet. Open the link you were sent, or your own link, to go on."])
    }

    func notFound(_ frame: CollectPages.Frame? = nil) -> Response {
        message(.notFound, frame, "Page not found", ["There is no such page."], link: frame == nil ? nil : ("Your answers", "/respond"))
    }

    /// A page that only says something, in the look of the first round's templates.
    func message(_ status: HTTPResponse.Status, _ frame: CollectPages.Frame?, _ title: String, _ paragraphs: [String],
                 link: (text: String, href: String)? = nil) -> Response {
        guard let prepared = firstRound else {
            return Responses.body(status, Data((title + "\n").utf8), type: "text/plain; charset=utf-8")
        }
        let shown = frame ?? CollectPages.Frame(strategyTitle: prepared.round.settings.title, round: prepared.round.round, organisation: "", csrf: nil)
        return Responses.html(status, prepared.pages.message(shown, title: title, paragraphs: paragraphs, link: link, reportingTo: DiagnosticCollector()))
    }
}
