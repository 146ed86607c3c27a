import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StrategyCollect
import StrategyDiagnostics
import StrategyPipeline
import StrategyStore
import Testing
import TestSupport

/// A round of the Riverside variant opened in a scratch store, served by `CollectServer` in the test
/// process (Hummingbird's router test framework: requests go to the router, no socket), with a clock the
/// test moves.
final class CollectRound: @unchecked Sendable {
    static let root = TestPaths.packageRoot
    let folder: URL
    var store: String { folder.appendingPathComponent("collect.sqlite").path }
    /// The invitation tokens, by organisation.
    var invitations: [String: String] = [:]
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        time += seconds
    }

    init(variant: String? = "Variants/riverside") throws {
        folder = try TestPaths.scratch("collect", resolvingLinks: true)
        try Data("""
            name,type,region
            Riverside District Council,District council,North West
            Hilltop County Council,County council,South East

            """.utf8).write(to: folder.appendingPathComponent("orgs.csv"))
        let collector = DiagnosticCollector()
        let action = OpenRoundAction(
            pipeline(collector), store: store, round: "2026", variant: variant.map { Self.root.appendingPathComponent($0).path },
            organisations: folder.appendingPathComponent("orgs.csv").path, links: folder.appendingPathComponent("links.csv").path,
            baseURL: "https://diagnostic.example.org", variantsFolder: Self.root.appendingPathComponent("Variants").path,
            openedAt: "2026-05-01T09:00:00Z")
        guard try action.perform() != nil else { throw Failure(diagnostics: collector.diagnostics) }
        let links = try String(contentsOf: folder.appendingPathComponent("links.csv"), encoding: .utf8)
        for row in links.split(separator: "\r\n").dropFirst() {
            let fields = row.split(separator: ",")
            invitations[String(fields[0])] = String(fields.last!.split(separator: "/").last!)
        }
    }

    struct Failure: Error { var diagnostics: [Diagnostic] }

    func pipeline(_ collector: DiagnosticCollector) -> PublicationPipeline {
        PublicationPipeline(PublicationRequest(strategyFolder: Self.root.appendingPathComponent("Strategy").path,
                                               templates: .folder(Self.root.appendingPathComponent("Templates").path),
                                               generator: "strategyc test"), collector: collector)
    }

    /// The server over the store as it is now (rounds closed since are seen by every request).
    func server(limiter: GuessLimiter = GuessLimiter(), duringSubmit: (@Sendable () -> Void)? = nil) throws -> CollectServer {
        let collector = DiagnosticCollector()
        guard let prepared = try PrepareRoundsAction(pipeline(collector), store: store).perform() else {
            throw Failure(diagnostics: collector.diagnostics)
        }
        return CollectServer(store: prepared.store, rounds: prepared.rounds,
                             options: .init(generator: "strategyc test", workFolder: folder.path), limiter: limiter,
                             clock: { [self] in now }, duringSubmit: duringSubmit)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` with the server's router.
    func serve<T>(_ server: CollectServer, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await Application(router: server.makeRouter()).test(.router, body)
    }
}

/// A browser: a cookie jar of one cookie, and the CSRF token and fingerprint of the last page it saw.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf = ""
    var fingerprint = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var data: Data
        var location: String? { headers[.location] }
    }

    @discardableResult
    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, .get, body: nil)
    }

    /// Posts `fields` with the page's CSRF token unless the fields give one.
    @discardableResult
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> Page {
        let all = fields + (fields.contains { $0.0 == "csrf" } ? [] : [("csrf", csrf ?? self.csrf)])
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(uri, .post, body: body)
    }

    mutating func send(_ uri: String, _ method: HTTPRequest.Method, body: String?, type: String = "application/x-www-form-urlencoded") async throws -> Page {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = "strategyc_session=\(cookie)" }
        if body != nil { headers[.contentType] = type }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        if let set = response.headers[.setCookie], let value = set.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last {
            cookie = value.isEmpty ? nil : String(value)
        }
        let data = Data(response.body.readableBytesView)
        let text = String(decoding: data, as: UTF8.self)
        if let token = Self.hidden("csrf", in: text) { csrf = token }
        if let value = Self.hidden("fingerprint", in: text) { fingerprint = value }
        return Page(status: response.status, headers: response.headers, text: text, data: data)
    }

    static func hidden(_ name: String, in page: String) -> String? { HTMLForm.hidden(name, in: page) }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
    }
}
