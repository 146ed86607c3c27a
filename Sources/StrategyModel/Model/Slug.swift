import Foundation

/// Ids are slugs: they name output files and page anchors, so they are restricted to characters that are
/// safe in a path, a URL and an HTML id on every system.
public enum Slug {
    /// Lowercase ASCII letters and digits in groups joined by single hyphens: `engaging-councillors`,
    /// `risk-gdpr`, `2022-review`. No leading, trailing or doubled hyphen, so an id never looks like a
    /// command-line option or a relative path.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 80 else { return false }
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// The slug of a title: lowercased, accents and punctuation dropped, words joined by hyphens.
    /// `"Modern slavery (legislation)"` becomes `modern-slavery-legislation`.
    public static func make(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingHyphen = true
            }
        }
        return String(slug.prefix(80)).trimmingHyphens()
    }
}

extension String {
    fileprivate func trimmingHyphens() -> String {
        var result = Substring(self)
        while result.hasSuffix("-") { result = result.dropLast() }
        return String(result)
    }
}
