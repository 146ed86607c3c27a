import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import StrategyModel
import StrategySupport

/// `strategyc serve`: serves the build held in `PreviewState` over HTTP, beside the watcher that keeps it
/// up to date, until Ctrl-C (SIGINT) or SIGTERM.
///
/// Routes: the site's files at their paths; under `/_strategyc/` the reload script, the event stream that
/// tells pages a build completed, the status as JSON, the diagnostics page and the source view. Nothing is
/// read from disk for a request but a diagnosed source file, chosen by number from the latest build.
public struct PreviewServer: Sendable {
    public var host: String
    public var port: Int
    public let state: PreviewState
    public let watcher: SourceWatcher

    public init(host: String, port: Int, state: PreviewState, watcher: SourceWatcher) {
        self.host = host
        self.port = port
        self.state = state
        self.watcher = watcher
    }

    /// Runs until stopped. `onListening` gets the address actually bound (port 0 picks a free one).
    public func run(onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        var logger = Logger(label: "strategyc-serve")
        logger.logLevel = .error
        let host = self.host, port = self.port
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? port) },
            logger: logger)
        // Stopped in reverse order: the watcher first, which closes the pages' event streams, then the HTTP
        // server, which then has no long-lived connection to wait for.
        let group = ServiceGroup(configuration: .init(
            services: [app, watcher], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as IOError {
            throw PreviewServerError.cannotListen(host: host, port: port, reason: String(cString: strerror(error.errnoCode)))
        }
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let state = self.state
        router.get("/_strategyc/reload.js") { _, _ in
            Self.response(.ok, Data(PreviewPages.reloadScript.utf8), type: "text/javascript; charset=utf-8")
        }
        router.get("/_strategyc/status.json") { _, _ in
            let status = await Status(state)
            return Self.response(.ok, Data(status.json.utf8), type: "application/json")
        }
        router.get("/_strategyc/events") { _, _ in await Self.events(state) }
        router.get("/_strategyc/diagnostics") { _, _ in
            Self.response(.ok, Data(await Self.diagnostics(state).utf8), type: "text/html; charset=utf-8")
        }
        router.get("/_strategyc/source/:number") { _, context in
            await Self.source(context.parameters.get("number", as: Int.self), state)
        }
        router.get("/") { request, _ in await Self.site(request.uri.path, state) }
        router.get("**") { request, _ in await Self.site(request.uri.path, state) }
        return router
    }

    // MARK: - Responses

    static func site(_ path: String, _ state: PreviewState) async -> Response {
        let resolution = SitePath.resolve(path)
        let wanted: String
        switch resolution {
        case .refused:
            return response(.badRequest, Data("refused: the path leaves the site\n".utf8), type: "text/plain; charset=utf-8")
        case .file(let file), .folderIndex(let file):
            wanted = file
        }
        let generation = await state.generation
        guard let site = await state.site else {
            // No good build yet: the diagnostics (or "building") stand in for every page, and reload with it.
            let page = await diagnostics(state)
            return response(.serviceUnavailable, Data(page.utf8), type: "text/html; charset=utf-8")
        }
        if case .file = resolution, site[wanted] == nil, site[wanted + "/index.html"] != nil {
            var redirect = Response(status: .movedPermanently)
            redirect.headers[.location] = "/" + wanted + "/"
            return redirect
        }
        guard let data = site[wanted] else {
            let page = PreviewPages.page(title: "Not found", generation: generation, body: """
                <h1>Not found</h1><p>The site has no page <code>\(HTMLEscaping.escape(wanted))</code>.</p><p><a href="/">The home page</a></p>
                """)
            return response(.notFound, Data(page.utf8), type: "text/html; charset=utf-8")
        }
        let type = SitePath.contentType(of: wanted)
        guard wanted.hasSuffix(".html") else { return response(.ok, data, type: type) }
        let failed = await state.failedBuild
        return response(.ok, PreviewPages.inject(into: data, generation: generation, failedBuild: failed), type: type)
    }

    private static func diagnostics(_ state: PreviewState) async -> String {
        let files = await state.diagnosedFiles
        return await PreviewPages.diagnosticsPage(
            state.diagnostics, succeeded: state.latestSucceeded, hasSite: state.site != nil,
            generation: state.generation, sourceNumber: { files.firstIndex(of: $0) })
    }

    static func source(_ number: Int?, _ state: PreviewState) async -> Response {
        let files = await state.diagnosedFiles
        guard let number, files.indices.contains(number) else {
            return response(.notFound, Data("no such diagnosed file\n".utf8), type: "text/plain; charset=utf-8")
        }
        let path = files[number]
        let url = URL(fileURLWithPath: path)
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]))?.fileSize ?? 0
        guard size <= 1 << 20, let data = try? Data(contentsOf: url) else {
            return response(.notFound, Data("\(path) cannot be shown\n".utf8), type: "text/plain; charset=utf-8")
        }
        let page = await PreviewPages.sourcePage(path: path, text: String(decoding: data, as: UTF8.self),
                                                 diagnostics: state.diagnostics, generation: state.generation)
        return response(.ok, Data(page.utf8), type: "text/html; charset=utf-8")
    }

    /// Server-sent events: the current generation at once, then one `build` event per completed build,
    /// until the page goes away or the server stops (the watcher, stopped first, ends every stream by
    /// closing the state).
    static func events(_ state: PreviewState) async -> Response {
        let (id, builds) = await state.listen()
        let current = await state.generation
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                try await writer.write(ByteBuffer(string: "retry: 1000\nevent: build\ndata: \(current)\n\n"))
                for await generation in builds {
                    try await writer.write(ByteBuffer(string: "event: build\ndata: \(generation)\n\n"))
                }
            } catch {
                // The page went away; nothing to tell anyone.
            }
            await state.stopListening(id)
            try await writer.finish(nil)
        })
    }

    static func response(_ status: HTTPResponse.Status, _ data: Data, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        if let nosniff = HTTPField.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Why the server could not start: the address is taken, or not this machine's.
public enum PreviewServerError: Error, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason.prefix(1).lowercased() + reason.dropFirst()); "
                + "choose another port with --port (0 picks a free one)"
        }
    }
}

/// `/_strategyc/status.json`: for the polling fallback, and for scripts and tests.
struct Status {
    var generation: Int
    var succeeded: Bool
    var serving: Bool
    var errors: Int
    var warnings: Int

    init(_ state: PreviewState) async {
        generation = await state.generation
        succeeded = await state.latestSucceeded
        serving = await state.site != nil
        errors = await state.errorCount
        warnings = await state.warningCount
    }

    var json: String {
        "{\"errors\":\(errors),\"generation\":\(generation),\"serving\":\(serving),\"succeeded\":\(succeeded),\"warnings\":\(warnings)}\n"
    }
}
