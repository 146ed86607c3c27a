import StrategyModel
import StrategyDiagnostics

/// Finds front-matter values that YAML silently cuts at ` #`: in `title: Councillors #1 priority` the
/// title is just "Councillors", the rest being a comment. Quoting the value keeps it whole, so that is the
/// fix-it. Only unquoted values of top-level keys are looked at; a value that is meant to end in a comment
/// can say so by quoting what comes before it.
enum CommentInValue {
    static func check(_ split: SplitSource, in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lines = split.frontMatter.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let key = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard !key.isEmpty, let colon = line.dropFirst(key.count).firstIndex(of: ":"),
                  line[key.endIndex..<colon].allSatisfy({ $0 == " " }) else { continue }
            let afterColon = line[line.index(after: colon)...]
            let value = afterColon.drop { $0 == " " || $0 == "\t" }
            guard let first = value.first, !"\"'[{|>&*!#".contains(first),
                  let comment = value.range(of: " #") ?? value.range(of: "\t#") else { continue }
            let kept = value[..<comment.lowerBound].trimmingTrailingWhitespace()
            let whole = value.trimmingTrailingWhitespace()
            let number = split.frontMatterFirstLine + offset
            let column = line.utf8.distance(from: line.startIndex, to: value.startIndex) + 1
            let quoted = "\"" + whole.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
            diagnostics.append(Diagnostic(
                .valueCutByComment,
                "`\(key)` is read as '\(kept)': YAML takes ` #` and what follows as a comment; quote the value to keep "
                    + "all of it",
                at: file.range(line: number, column: column, length: whole.utf8.count),
                fixIts: [FixIt("quote the value: \(quoted)", range: file.range(line: number, column: column,
                                                                             length: whole.utf8.count),
                               replacement: quoted)]))
        }
        return diagnostics
    }
}
