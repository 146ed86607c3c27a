import Foundation
import Testing

/// `strategyc serve`: start it, fetch pages, edit a source and see the change, break it and see the banner
/// and the diagnostics, fix it, and stop it with Ctrl-C.
@Suite(.serialized) struct ServeCommandTests {
    @Test func editReloadErrorFix() throws {
        let strategy = try StrategycRunner.copyOfStrategy()
        let root = strategy.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try listing(root)
        let server = try ServeSession(["Strategy"], in: root)
        #expect(server.stdout.hasPrefix("Serving Strategy at http://127.0.0.1:"), "\(server.stdout)")

        // Start: the first build is served, with the reload script and no banner.
        let first = try #require(server.nextBuild(after: 0))
        #expect(first == .init(generation: 1, succeeded: true, serving: true, errors: 0, warnings: 0))
        let home = server.get("")
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/_strategyc/reload.js\" data-generation=\"1\" defer></script>\n</head>"))
        #expect(!home.body.contains("strategyc-preview-banner"))
        let page = "key-areas/engaging-councillors.html"
        #expect(server.get(page).body.contains("<h1>Engaging councillors</h1>"), "\(server.get(page).body.prefix(2000))")
        let script = server.get("_strategyc/reload.js")
        #expect(script.status == 200 && script.type == "text/javascript; charset=utf-8")
        #expect(script.body.contains("new EventSource('/_strategyc/events')"))
        #expect(server.get("assets/style.css").type == "text/css; charset=utf-8")
        #expect(server.get("no-such-page.html").status == 404)
        let folder = server.get("key-areas")
        #expect(folder.status == 404, "key-areas/ has no index page")

        // Edit: the title changes, the page shows it, and the open event stream hears of the build.
        let (listener, events) = try server.listenToEvents(seconds: 60)
        defer { if listener.isRunning { listener.terminate() } }
        #expect(waitUntil(timeout: 30) { ((try? String(contentsOf: events, encoding: .utf8)) ?? "").contains("data: 1\n") })
        let file = strategy.appendingPathComponent("key-areas/showing-leadership/engaging-councillors.md")
        try edit(file, "title: Engaging councillors\n", "title: Engaging elected members\n")
        let edited = try #require(server.nextBuild(after: 1))
        #expect(edited.generation == 2 && edited.succeeded)
        #expect(server.get(page).body.contains("<h1>Engaging elected members</h1>"))
        #expect(waitUntil(timeout: 30) {
            ((try? String(contentsOf: events, encoding: .utf8)) ?? "") == "retry: 1000\nevent: build\ndata: 1\n\nevent: build\ndata: 2\n\n"
        }, "\((try? String(contentsOf: events, encoding: .utf8)) ?? "")")

        // Error: the last good build stays, with the banner; the diagnostics page links the file and line.
        try edit(file, "theme: showing-leadership\n", "theme: showing-leadershipp\n")
        let broken = try #require(server.nextBuild(after: 2))
        #expect(broken == .init(generation: 3, succeeded: false, serving: true, errors: 1, warnings: 0))
        let stale = server.get(page)
        #expect(stale.status == 200)
        #expect(stale.body.contains("<h1>Engaging elected members</h1>"))
        #expect(stale.body.contains("<body>\n<div id=\"strategyc-preview-banner\" role=\"alert\""))
        #expect(stale.body.contains("<strong>The sources have 1 error.</strong> This page is the last good build."))
        let diagnostics = server.get("_strategyc/diagnostics")
        #expect(diagnostics.body.contains(
            "<a href=\"/_strategyc/source/0#L4\"><code>Strategy/key-areas/showing-leadership/engaging-councillors.md:4:8</code></a>: "
            + "<strong>error</strong>: unknown theme &#39;showing-leadershipp&#39;; did you mean &#39;showing-leadership&#39;? "
            + "<code>[unknown-theme]</code>"), "\(diagnostics.body)")
        let source = server.get("_strategyc/source/0")
        #expect(source.status == 200)
        #expect(source.body.contains("<tr id=\"L4\" class=\"diagnosed\"><th scope=\"row\">4</th><td><code><mark>theme: showing-leadershipp</mark></code>"
            + "<div class=\"message\"><code>       ^</code> error: unknown theme"), "\(source.body)")
        #expect(server.get("_strategyc/source/1").status == 404)
        #expect(server.stderr.contains("strategyc: build failed in "))
        #expect(server.stderr.contains(" with 1 error; serving the last good build (http://127.0.0.1:"), "\(server.stderr)")

        // Fix: the banner goes.
        try edit(file, "theme: showing-leadershipp\n", "theme: showing-leadership\n")
        let fixed = try #require(server.nextBuild(after: 3))
        #expect(fixed == .init(generation: 4, succeeded: true, serving: true, errors: 0, warnings: 0))
        #expect(!server.get(page).body.contains("strategyc-preview-banner"))
        #expect(server.get("_strategyc/diagnostics").body.contains("The latest build succeeded with no problems."))

        // Ctrl-C stops it cleanly, with the event stream still open; it wrote nothing beside the sources.
        let stop = server.interrupt()
        #expect(stop.stopped && stop.status == 0, "\(server.stderr)")
        #expect(server.stdout.hasSuffix("Stopped serving; wrote nothing.\n"))
        #expect(try listing(root) == before)
    }

    @Test func pathsOutsideTheSiteAreRefused() throws {
        let strategy = try StrategycRunner.copyOfStrategy()
        let root = strategy.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("secret\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
        let server = try ServeSession(["Strategy"], in: root)
        _ = try #require(server.nextBuild(after: 0))
        for path in ["../secret.txt", "../../../../etc/passwd", "%2e%2e/secret.txt", "assets/%2e%2e/%2e%2e/secret.txt",
                     "..%2fsecret.txt", "assets/..%5c..%5csecret.txt"] {
            let reply = server.get(path, pathAsIs: true)
            #expect(reply.status == 400, "\(path): \(reply.status)")
            #expect(reply.body == "refused: the path leaves the site\n", "\(path)")
        }
        // Sources are not served either: only the built site is.
        #expect(server.get("Strategy/strategy.md").status == 404)
        #expect(server.interrupt().stopped)
    }

    @Test func aFirstBuildWithErrorsServesTheDiagnosticsUntilFixed() throws {
        let strategy = try StrategycRunner.copyOfStrategy()
        let root = strategy.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = strategy.appendingPathComponent("key-areas/enablers/embedding-change.md")
        try edit(file, "order: 5\n", "order: five\n")
        let server = try ServeSession(["Strategy"], in: root)
        let broken = try #require(server.nextBuild(after: 0))
        #expect(!broken.succeeded && !broken.serving && broken.errors >= 1)
        let home = server.get("")
        #expect(home.status == 503)
        #expect(home.body.contains("There is no good build to show yet: fix these and the preview appears."))
        #expect(home.body.contains("embedding-change.md:5:"), "\(home.body)")
        // There is no earlier build to serve, and the terminal says so, for a second failed build too.
        #expect(server.stderr.contains("; nothing to serve until it is fixed (http://127.0.0.1:"), "\(server.stderr)")
        try edit(file, "order: five\n", "order: six\n")
        let stillBroken = try #require(server.nextBuild(after: broken.generation))
        #expect(!stillBroken.succeeded)
        #expect(server.stderr.components(separatedBy: "; nothing to serve until it is fixed (").count - 1 == 2, "\(server.stderr)")
        #expect(!server.stderr.contains("serving the last good build"))
        try edit(file, "order: six\n", "order: 5\n")
        let fixed = try #require(server.nextBuild(after: stillBroken.generation))
        #expect(fixed.succeeded && fixed.serving)
        #expect(server.get("").status == 200)
        #expect(server.interrupt().stopped)
    }

    @Test func aVariantIsServedAndRebuiltWhenItsFileChanges() throws {
        let strategy = try StrategycRunner.copyOfStrategy()
        let root = strategy.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: StrategycRunner.packageRoot.appendingPathComponent("Variants"),
                                         to: root.appendingPathComponent("Variants"))
        let server = try ServeSession(["--variant", "Variants/greener-north"], in: root)
        #expect(server.stdout.hasPrefix("Serving the variant Variants/greener-north at http://127.0.0.1:"))
        let first = try #require(server.nextBuild(after: 0))
        #expect(first.succeeded)
        #expect(server.get("").body.contains("Greener North procurement strategy"))
        let file = root.appendingPathComponent("Variants/greener-north/variant.md")
        try edit(file, "title: Greener North procurement strategy\n", "title: Greener North buying strategy\n")
        let edited = try #require(server.nextBuild(after: first.generation))
        #expect(edited.succeeded)
        #expect(server.get("").body.contains("Greener North buying strategy"))
        // The national strategy under it is watched too.
        try edit(strategy.appendingPathComponent("key-areas/enablers/embedding-change.md"), "order: 5\n", "order: five\n")
        let broken = try #require(server.nextBuild(after: edited.generation))
        #expect(!broken.succeeded && broken.serving)
        #expect(server.interrupt().stopped)
    }

    @Test func aPortInUseIsAClearErrorNotACrash() throws {
        let strategy = try StrategycRunner.copyOfStrategy()
        let root = strategy.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try ServeSession(["Strategy"], in: root)
        let port = try #require(first.baseURL.split(separator: ":").last.flatMap { Int($0.dropLast()) })
        let second = try StrategycRunner.run(["serve", "Strategy", "--port", "\(port)"], in: root, timeout: 60)
        #expect(second.status == 2)
        #expect(second.stderr.hasSuffix("strategyc: error: cannot listen on 127.0.0.1:\(port): address already in use; "
            + "choose another port with --port (0 picks a free one)\n"), "\(second.stderr)")
        #expect(first.interrupt().stopped)
    }

    @Test func refusesAFolderThatIsNotThere() throws {
        let result = try StrategycRunner.run(["serve", "/nonexistent/Strategy"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'/nonexistent/Strategy' is not a strategy folder"))
    }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        precondition(text.contains(old), "\(file.lastPathComponent) has no \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }

    private func listing(_ folder: URL) throws -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }
}
