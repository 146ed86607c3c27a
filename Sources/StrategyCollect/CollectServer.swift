import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import StrategyDiagnostics
import StrategyModel
import StrategyPipeline
import StrategyRender
import StrategyStore

/// `strategyc collect serve`: the respondents' side of the online diagnostic, over the store and the
/// rounds `PrepareRoundsAction` made ready.
///
/// A respondent arrives by a link (`/start/TOKEN`), which is exchanged for a session cookie at once, so
/// the token is never in a page, a later URL or a Referer. Every state change is a POST carrying the
/// session's CSRF token; every write is one transaction of the store; a closed round refuses them. The
/// server keeps nothing in memory that is not also in the store, but the count of wrong guesses.
public final class CollectServer: Sendable {
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Mark the cookie `Secure` (the server is reached over TLS, through a proxy).
        public var secureCookies: Bool
        /// How long a session lasts.
        public var sessionLifetime: TimeInterval
        /// The generator line for outputs.
        public var generator: String
        /// Where the server writes the workbooks it reads back and the reports it renders (its own folder).
        public var workFolder: String
        /// The addresses of the reverse proxies in front: from them alone, `X-Forwarded-For` says who the
        /// client is (its last entry, the one the proxy added); from anyone else it is ignored.
        public var trustedProxies: [String]

        public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, sessionLifetime: TimeInterval = 12 * 3600,
                    generator: String, workFolder: String, trustedProxies: [String] = []) {
            (self.host, self.port, self.secureCookies, self.sessionLifetime, self.generator, self.workFolder, self.trustedProxies)
                = (host, port, secureCookies, sessionLifetime, generator, workFolder, trustedProxies)
        }
    }

    let store: CollectStore
    let rounds: [Int64: PrepareRoundsAction.PreparedRound]
    let options: Options
    let limiter: GuessLimiter
    let clock: @Sendable () -> Date
    /// Run inside a submission's transaction before it commits (the crash test's hook).
    let duringSubmit: (@Sendable () -> Void)?

    public init(store: CollectStore, rounds: [PrepareRoundsAction.PreparedRound], options: Options, limiter: GuessLimiter = GuessLimiter(),
                clock: @escaping @Sendable () -> Date = Date.init, duringSubmit: (@Sendable () -> Void)? = nil) {
        self.store = store
        self.rounds = Dictionary(rounds.map { ($0.round.id, $0) }, uniquingKeysWith: { first, _ in first })
        (self.options, self.limiter, self.clock, self.duringSubmit) = (options, limiter, clock, duringSubmit)
    }

    /// Runs until SIGTERM or SIGINT. `onListening` gets the address bound (port 0 picks a free one).
    public func run(onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        var logger = Logger(label: "strategyc-collect")
        logger.logLevel = .error
        let host = options.host, port = options.port
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? port) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    public func makeRouter() -> Router<CollectRequestContext> {
        let router = Router(context: CollectRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.get("/collect.css") { [self] _, _ in stylesheet() }
        router.get("/start/:token") { [self] request, context in try await start(request, context) }
        router.get("/respond") { [self] request, _ in try await withSession(request) { try respond($0) } }
        router.post("/respond/start") { [self] request, _ in
            try await withForm(request) { session, form in try startAnswering(session, form) }
        }
        router.get("/respond/area/:id") { [self] request, context in
            let id = context.parameters.get("id") ?? ""
            return try await withSession(request) { try keyArea(id, $0) }
        }
        router.post("/respond/area/:id") { [self] request, context in
            let id = context.parameters.get("id") ?? ""
            return try await withForm(request) { session, form in try saveKeyArea(id, session, form) }
        }
        router.get("/respond/check") { [self] request, _ in try await withSession(request) { try check($0, errors: []) } }
        router.post("/respond/submit") { [self] request, _ in try await withForm(request) { session, _ in try submit(session) } }
        router.get("/respond/submitted") { [self] request, _ in try await withSession(request) { try submitted($0) } }
        router.get("/respond/workbook.xlsx") { [self] request, _ in try await withSession(request) { try workbook($0) } }
        router.get("/respond/report/") { [self] request, _ in try await withSession(request) { try report($0, file: "index.html") } }
        router.get("/respond/report/**") { [self] request, context in
            let file = context.parameters.getCatchAll().joined(separator: "/")
            return try await withSession(request) { try report($0, file: file) }
        }
        router.post("/signout") { [self] request, _ in try await withForm(request) { session, _ in try signOut(session) } }
        router.get("/") { [self] _, _ in notFound() }
        router.get("**") { [self] _, _ in notFound() }
        return router
    }

    // MARK: - Sessions and forms

    /// The session a request's cookie names, with its round, and the cookie's secret (for the CSRF token).
    struct SignedIn {
        var session: CollectStore.Session
        var secret: String
        var prepared: PrepareRoundsAction.PreparedRound
        var csrf: String { SecretToken.derived("csrf", from: secret) }
        var frame: CollectPages.Frame {
            .init(strategyTitle: prepared.round.settings.title, round: prepared.round.round, organisation: session.organisation.name, csrf: csrf)
        }
    }

    static let cookieName = "strategyc_session"

    func signedIn(_ request: Request) throws -> SignedIn? {
        guard let secret = Self.cookie(Self.cookieName, in: request.headers[.cookie] ?? ""),
              let session = try store.session(secret, now: iso(clock())),
              let prepared = rounds[session.round.id] else { return nil }
        var current = prepared
        current.round = session.round  // closed since the server started, perhaps
        return SignedIn(session: session, secret: secret, prepared: current)
    }

    func withSession(_ request: Request, _ body: (SignedIn) throws -> Response) async throws -> Response {
        guard let signedIn = try signedIn(request) else { return noSession() }
        return try body(signedIn)
    }

    /// A POST: its session, and a form whose CSRF token is the session's. Anything else changes nothing.
    func withForm(_ request: Request, _ body: (SignedIn, FormBody) throws -> Response) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: CollectLimits.body)
        guard let signedIn = try signedIn(request) else { return noSession() }
        guard let form = FormBody(Data(buffer.readableBytesView)) else {
            return message(.badRequest, signedIn.frame, "The form could not be read", ["Go back, and send the page again."])
        }
        guard let token = form["csrf"], SecretToken.same(token, signedIn.csrf) else {
            return message(.forbidden, signedIn.frame, "This form has expired",
                           ["The page was opened in another session. Go back, reload the page and send it again."], link: ("Your answers", "/respond"))
        }
        return try body(signedIn, form)
    }

    static func cookie(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == name { return pair[1] }
        }
        return nil
    }

    func sessionCookie(_ secret: String) -> String {
        "\(Self.cookieName)=\(secret); Path=/; Max-Age=\(Int(options.sessionLifetime)); HttpOnly; SameSite=Strict"
            + (options.secureCookies ? "; Secure" : "")
    }

    func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The client's address, as the limiter counts it: the connection's, or, when the connection is from a
    /// trusted proxy, the last address of `X-Forwarded-For` (the one that proxy added; earlier entries are
    /// whatever the client sent, and count for nothing).
    func address(_ request: Request, _ context: CollectRequestContext) -> String {
        let peer = context.remoteAddress?.ipAddress ?? "unknown"
        guard options.trustedProxies.contains(peer), let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return peer }
        return last
    }
}
