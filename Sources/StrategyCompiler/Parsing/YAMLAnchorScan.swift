/// Finds YAML anchors (`&name`) and aliases (`*name`) in front matter before it is parsed.
///
/// Front matter never needs them, and they are how a "billion laughs" document is written: a few lines of
/// aliases of aliases that expand to billions of values. libyaml and Yams share the repeated nodes, but
/// anything that walks or hashes the tree (duplicate-key detection, conversion) expands it. So a file that
/// uses them is refused with a diagnostic at the first one, and never handed to the YAML parser.
///
/// The scan knows as much YAML as it needs to avoid false alarms: an anchor or alias starts a node (a
/// value after `key:`, a list item after `- `, an entry of a flow list or map, a `?` key, or a key at the
/// start of a line); `&` and `*` inside a word ("R&D"), inside quotes, in a comment or in the lines of a
/// block scalar (`|`, `>`) are text.
enum YAMLAnchorScan {
    struct Found: Equatable {
        /// 1-based line within the front matter, and 1-based UTF-8 byte column.
        var line: Int
        var column: Int
        var isAlias: Bool
    }

    static func first(in frontMatter: String) -> Found? {
        var blockIndent: Int?  // inside a block scalar whose parent line has this indentation
        for (index, rawLine) in frontMatter.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.utf8)
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            if let parent = blockIndent {
                if indent == line.count || indent > parent { continue }  // a blank line, or still in the block
                blockIndent = nil
            }
            if let column = scan(line, from: indent) {
                return Found(line: index + 1, column: column.position + 1, isAlias: column.isAlias)
            }
            if opensBlockScalar(line) { blockIndent = indent }
        }
        return nil
    }

    /// Positions where a node may start are visited in order; the first `&` or `*` there wins.
    private static func scan(_ line: [UInt8], from start: Int) -> (position: Int, isAlias: Bool)? {
        var position = start
        var atNodeStart = true
        var flowDepth = 0
        func skipSpaces() { while position < line.count, line[position] == UInt8(ascii: " ") { position += 1 } }
        while position < line.count {
            let byte = line[position]
            if byte == UInt8(ascii: " ") {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "#") && (position == 0 || line[position - 1] == UInt8(ascii: " ")) { return nil }
            if atNodeStart && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")),
               position + 1 < line.count, line[position + 1] != UInt8(ascii: " ") {
                return (position, byte == UInt8(ascii: "*"))
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                position = endOfQuoted(line, from: position)
                atNodeStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                position += 1
                atNodeStart = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                position += 1
                atNodeStart = false
            case UInt8(ascii: ",") where flowDepth > 0:
                position += 1
                atNodeStart = true
            case UInt8(ascii: "-") where atNodeStart && (position + 1 == line.count || line[position + 1] == UInt8(ascii: " ")):
                position += 1  // a list item: its value starts a node
            case UInt8(ascii: "?") where atNodeStart && (position + 1 == line.count || line[position + 1] == UInt8(ascii: " ")):
                position += 1
            case UInt8(ascii: ":") where position + 1 == line.count || line[position + 1] == UInt8(ascii: " ")
                || (flowDepth > 0 && line[position + 1] == UInt8(ascii: ",")):
                position += 1  // after a key, the value starts a node
                atNodeStart = true
                skipSpaces()
                continue
            default:
                // A plain word: `&` or `*` inside it is text. Skip to the next separator.
                atNodeStart = false
                position += 1
                while position < line.count {
                    let next = line[position]
                    if next == UInt8(ascii: ":") || next == UInt8(ascii: " ")
                        || (flowDepth > 0 && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}"))) {
                        break
                    }
                    position += 1
                }
                continue
            }
        }
        return nil
    }

    /// The position after a quoted scalar that starts at `start` (or the end of the line).
    private static func endOfQuoted(_ line: [UInt8], from start: Int) -> Int {
        let quote = line[start]
        var position = start + 1
        while position < line.count {
            if quote == UInt8(ascii: "\"") && line[position] == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if line[position] == quote {
                if quote == UInt8(ascii: "'") && position + 1 < line.count && line[position + 1] == quote {
                    position += 2  // '' is an escaped quote
                    continue
                }
                return position + 1
            }
            position += 1
        }
        return line.count
    }

    /// Whether a line ends with a block scalar indicator (`key: |`, `- >-`, `text: |2+`), comments aside.
    private static func opensBlockScalar(_ line: [UInt8]) -> Bool {
        var text = line
        if let comment = zip(text.indices, text.indices.dropFirst()).first(where: { text[$0.0] == UInt8(ascii: " ") && text[$0.1] == UInt8(ascii: "#") }) {
            text = Array(text[..<comment.0])
        }
        while text.last == UInt8(ascii: " ") { text.removeLast() }
        var end = text.count
        while end > 0, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(text[end - 1]) || (text[end - 1] >= 0x31 && text[end - 1] <= 0x39) {
            end -= 1
        }
        guard end > 0, text[end - 1] == UInt8(ascii: "|") || text[end - 1] == UInt8(ascii: ">") else { return false }
        let before = end - 1
        return before == 0 || text[before - 1] == UInt8(ascii: " ")
    }
}
