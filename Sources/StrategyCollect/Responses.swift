import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The headers every response of the diagnostic carries, and the responses it gives.
enum Responses {
    /// No script at all, no origin but this one, no framing, no referrer (a link's token never leaves in a
    /// Referer header), nothing cached (pages hold a respondent's answers).
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (contentSecurityPolicyName, contentSecurityPolicy()),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
        (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=()"),
        (.cacheControl, "no-store"),
    ]

    static let contentSecurityPolicyName = HTTPField.Name("Content-Security-Policy")!

    /// The policy, allowing besides the server's own stylesheets only the inline styles of exactly these
    /// SHA-256 hashes (base64): the report's accent colour, which strategyc wrote.
    static func contentSecurityPolicy(styleHashes: [String] = []) -> String {
        "default-src 'none'; style-src 'self'" + styleHashes.map { " 'sha256-\($0)'" }.joined()
            + "; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    static func html(_ status: HTTPResponse.Status, _ page: String) -> Response {
        body(status, Data(page.utf8), type: "text/html; charset=utf-8")
    }

    static func body(_ status: HTTPResponse.Status, _ data: Data, type: String, download: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Array(data))))
    }

    /// 303 See Other: after a form, the browser asks for the next page with GET.
    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}

/// Adds the security headers to every response, whatever route made it.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Responses.body(error.status, Data("\(error.status.reasonPhrase)\n".utf8), type: "text/plain; charset=utf-8")
        }
        // A route may have set a narrower policy of its own (the report's); every other header is the same.
        for (name, value) in Responses.securityHeaders where response.headers[name] == nil { response.headers[name] = value }
        return response
    }
}
