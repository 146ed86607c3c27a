import Foundation

/// An HTML form's body (`application/x-www-form-urlencoded`), as the browser sends it: `+` is a space,
/// `%XX` a byte of UTF-8. The first value of a name counts; a body that is not UTF-8 or has more fields
/// than any page sends is refused.
public struct FormBody: Sendable, Equatable {
    public private(set) var values: [String: String] = [:]

    public init?(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        let pairs = text.split(separator: "&", omittingEmptySubsequences: true)
        guard pairs.count <= CollectLimits.fields else { return nil }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { return nil }
            guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            if values[name] == nil { values[name] = value }
        }
    }

    public subscript(_ name: String) -> String? { values[name] }

    /// The value with surrounding white space taken off, or "" when absent.
    public func text(_ name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
