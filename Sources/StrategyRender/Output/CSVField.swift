/// One field of every CSV strategyc writes (the workbook's CSV twin, the action plan, the benchmark's
/// figures): RFC 4180 quoting, and a leading apostrophe on a text a spreadsheet would run as a formula
/// (starting `=`, `+`, `-`, `@`, tab or carriage return), as OWASP advises against CSV injection.
public enum CSVField {
    public static func escaped(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}
