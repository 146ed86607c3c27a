/// A short, stable fingerprint of a text, so that an override can record which base text it replaced and
/// notice when that text changes. White space is folded first, so re-wrapping the base is not a change.
/// FNV-1a over UTF-8: it detects edits, which is all it is for; it is not a security hash.
public enum TextFingerprint {
    public static func of(_ text: String) -> String {
        let folded = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folded.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
