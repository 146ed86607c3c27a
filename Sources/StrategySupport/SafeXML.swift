import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The one way strategyc reads XML it did not write (a workbook's parts, a variant's SVG logo), which may
/// come from anywhere: document type and entity declarations found before parsing, so that the caller can
/// refuse them (a DTD is how entity expansion, "billion laughs", and external entities get in), and
/// Foundation's parser run with external entities never resolved.
public enum SafeXML {
    /// Where the first `<!` followed by one of `words` (`DOCTYPE`, `ENTITY`) starts in `data`, as a byte
    /// offset, and which word it is; the words match in any ASCII case when `ignoringCase`. One pass with
    /// memchr over the bytes: a workbook's parts are read for every return of a benchmark, and Foundation's
    /// `range(of:)` took a twentieth of the time of reading one.
    public static func declaration(of words: [String], in data: Data, ignoringCase: Bool = false) -> (offset: Int, word: String)? {
        let patterns = words.map { (word: $0, bytes: Array($0.utf8)) }
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> (Int, String)? in
            guard let base = buffer.baseAddress else { return nil }
            let count = buffer.count
            func same(_ byte: UInt8, _ expected: UInt8) -> Bool {
                byte == expected || (ignoringCase && (byte | 0x20) == (expected | 0x20) && (expected | 0x20) >= 0x61
                                     && (expected | 0x20) <= 0x7A)
            }
            var offset = 0
            while offset < count, let found = memchr(base + offset, Int32(UInt8(ascii: "<")), count - offset) {
                let at = base.distance(to: UnsafeRawPointer(found))
                if at + 1 < count, buffer[at + 1] == UInt8(ascii: "!") {
                    for pattern in patterns where at + 2 + pattern.bytes.count <= count
                        && pattern.bytes.indices.allSatisfy({ same(buffer[at + 2 + $0], pattern.bytes[$0]) }) {
                        return (at, pattern.word)
                    }
                }
                offset = at + 1
            }
            return nil
        }
    }

    /// Parses `data` into `delegate`, never resolving external entities. `complete` is true only when the
    /// whole document parsed: on Linux `parse()` can return true for a document cut short and only set
    /// `parserError`. The parser is handed back for its position and error.
    public static func parse(_ data: Data, into delegate: XMLParserDelegate, processingNamespaces: Bool = false)
        -> (complete: Bool, parser: XMLParser) {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = processingNamespaces
        parser.delegate = delegate
        let parsed = parser.parse()
        return (parsed && parser.parserError == nil, parser)
    }
}
