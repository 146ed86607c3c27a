import Foundation

/// The one JSON style every output uses: pretty-printed, keys sorted, slashes unescaped, a final newline.
///
/// Sorted keys are what make exports, diffs and diagnostics byte-for-byte repeatable, so the settings live
/// in one place rather than in each renderer.
public enum StableJSON {
    /// Encodes a document made of strings, numbers, arrays and dictionaries, which cannot fail to encode.
    public static func encode<Document: Encodable>(_ document: Document) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(document)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
