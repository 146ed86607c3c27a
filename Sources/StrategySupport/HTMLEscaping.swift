/// The one escaper for text that strategyc writes into HTML, SVG or XML itself, outside Mustache (which
/// escapes its own values): the preview server's pages and the report's radar chart. All five characters
/// that can end a text or an attribute value are replaced, so the result is safe in either, quoted with `"`
/// or `'`.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
