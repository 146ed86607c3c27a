import Foundation

/// Turns the path of a request into the path of a built file, or refuses it.
///
/// The site is held in memory, keyed by the paths the renderers gave their files, so a request can only
/// ever reach a built file. Traversal is refused all the same, before any lookup, so that the answer to
/// `/../../etc/passwd` is a plain refusal and never depends on what the site happens to hold.
public enum SitePath {
    public enum Resolution: Equatable, Sendable {
        /// A file of the site, relative to its root.
        case file(String)
        /// A path that names a folder: the site's `index.html` in it.
        case folderIndex(String)
        /// `..`, `.`, a backslash, a NUL or broken percent-encoding: never looked up.
        case refused
    }

    /// `path` is the request's path, still percent-encoded, without the query.
    public static func resolve(_ path: String) -> Resolution {
        guard let decoded = path.removingPercentEncoding else { return .refused }
        guard !decoded.contains("\\"), !decoded.contains("\0") else { return .refused }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        let joined = components.joined(separator: "/")
        if joined.isEmpty { return .folderIndex("index.html") }
        return decoded.hasSuffix("/") ? .folderIndex(joined + "/index.html") : .file(joined)
    }

    /// The media type the preview sends for a built file, by its extension.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "md": "text/markdown; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }
}
