import Foundation
import TestSupport
import Testing

/// `collect serve` behind a real nginx (Debian's package) on loopback, as an IT team would run it: the
/// test writes nginx's configuration into a scratch folder, starts nginx in the foreground and stops it
/// after. Links, cookies, redirects and the security headers work through the proxy, and a client cannot
/// escape the guess limit by sending its own `X-Forwarded-For`.
@Suite struct CollectProxyTests {
    /// A running nginx proxying `127.0.0.1:PORT` to `upstream`.
    final class Nginx {
        let process = Process()
        let folder: URL
        let port: Int

        init(upstream: String) throws {
            folder = try TestPaths.scratch("nginx")
            port = try Self.freePort()
            for name in ["body", "proxy", "fastcgi", "uwsgi", "scgi"] {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            }
            let path = folder.path
            try Data("""
                daemon off;
                master_process off;
                worker_processes 1;
                pid \(path)/nginx.pid;
                error_log \(path)/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path \(path)/body;
                    proxy_temp_path \(path)/proxy;
                    fastcgi_temp_path \(path)/fastcgi;
                    uwsgi_temp_path \(path)/uwsgi;
                    scgi_temp_path \(path)/scgi;
                    server {
                        listen 127.0.0.1:\(port);
                        location / {
                            proxy_pass \(upstream);
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }

                """.utf8).write(to: folder.appendingPathComponent("nginx.conf"))
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
            process.arguments = ["-p", path, "-c", path + "/nginx.conf", "-e", path + "/error.log"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            guard waitUntil(timeout: 20, { (try? Self.curl(["-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(self.port)/"])) ?? "000" != "000" }) else {
                stop()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""])
            }
        }

        /// SIGKILL: the test's own throwaway nginx needs no graceful stop, and a child of the test runner
        /// inherits a signal mask in which SIGTERM can be blocked (seen: nginx never exited on it).
        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        deinit {
            stop()
            try? FileManager.default.removeItem(at: folder)
        }

        static func freePort() throws -> Int {
            let port = try PythonScript.run("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])", [])
            return Int(port) ?? 0
        }

        /// curl's standard output.
        @discardableResult
        static func curl(_ arguments: [String]) throws -> String {
            String(decoding: try ExternalProgram.run(["curl", "-s", "--max-time", "30"] + arguments, quiet: true).output, as: UTF8.self)
        }
    }

    private func hidden(_ name: String, in page: String) -> String { HTMLForm.hidden(name, in: page) ?? "" }

    @Test func linksCookiesAndRedirectsWorkThroughNginxAndForwardedAddressesCannotBeForged() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        // The proxy's port is the links' origin, so it is chosen before the round is opened.
        let proxyPort = try Nginx.freePort()
        try repo.write("orgs.csv", "name,type,region\nRiverside District Council,District council,North West\n")
        let opened = try repo.run(["collect", "open", "--store", "round.sqlite", "--round", "2026", "--organisations", "orgs.csv",
                                   "--links", "links.csv", "--base-url", "http://127.0.0.1:\(proxyPort)"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let link = String(try #require(try repo.read("links.csv").split(separator: "\r\n").last?.split(separator: ",").last))
        #expect(link.hasPrefix("http://127.0.0.1:\(proxyPort)/start/"))
        let server = try ServeSession(["--store", "round.sqlite", "--trusted-proxy", "127.0.0.1"], in: repo.root, command: ["collect", "serve"])
        let nginx = try Nginx(upstream: server.baseURL.hasSuffix("/") ? String(server.baseURL.dropLast()) : server.baseURL)
        defer { nginx.stop() }
        let base = "http://127.0.0.1:\(nginx.port)"
        let jar = nginx.folder.appendingPathComponent("cookies").path
        func through(_ arguments: [String]) throws -> String { try Nginx.curl(["-b", jar, "-c", jar] + arguments) }

        // The invitation through the proxy: a redirect to the start page and a session cookie.
        let headers = try through(["-D", "-", "-o", "/dev/null", base + "/start/" + link.split(separator: "/").last!])
        #expect(headers.hasPrefix("HTTP/1.1 303"), "\(headers)")
        #expect(headers.contains("\r\nLocation: /respond\r\n"), "\(headers)")
        #expect(headers.contains("; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict\r\n"), "\(headers)")
        #expect(headers.contains("\r\nContent-Security-Policy: default-src 'none'; style-src 'self';"), "\(headers)")
        #expect(headers.contains("\r\nReferrer-Policy: no-referrer\r\n"))
        let who = try through([base + "/respond"])
        #expect(who.contains("<h1>Who is answering</h1>"))
        let own = try through(["--data-urlencode", "csrf=" + hidden("csrf", in: who), "--data-urlencode", "role=Head of procurement",
                               "--data-urlencode", "department=Procurement", "--data-urlencode", "validation=Self-assessed",
                               base + "/respond/start"])
        #expect(own.contains("<code>http://127.0.0.1:\(proxyPort)/start/"), "the own link is not on the proxy's origin")
        // A client's own X-Forwarded-For is followed by the proxy's entry, which is the one counted: ten wrong
        // guesses, each claiming another address, still lock the client out.
        for number in 1...10 {
            let status = try Nginx.curl(["-o", "/dev/null", "-w", "%{http_code}", "-H", "X-Forwarded-For: 203.0.113.\(number)",
                                         base + "/start/" + String(repeating: "x", count: 43)])
            #expect(status == "404", "guess \(number)")
        }
        let locked = try Nginx.curl(["-D", "-", "-o", "/dev/null", "-H", "X-Forwarded-For: 198.51.100.1", base + "/start/" + link.split(separator: "/").last!])
        #expect(locked.hasPrefix("HTTP/1.1 429"), "\(locked)")
        #expect(locked.contains("\r\nRetry-After: "))
        server.interrupt()
    }
}
