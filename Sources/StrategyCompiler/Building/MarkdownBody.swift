import StrategyModel
import StrategyDiagnostics

/// The Markdown part of a source file, parsed once, with the arithmetic that maps its positions back
/// into the file.
struct MarkdownBody {
    let file: SourceFile
    /// The file line that is line 1 of the body.
    let firstLine: Int
    let lines: [Substring]
    let document: MarkdownNode

    init(_ split: SplitSource, in file: SourceFile) {
        self.file = file
        self.firstLine = split.bodyFirstLine
        self.lines = split.body.split(separator: "\n", omittingEmptySubsequences: false)
        self.document = CommonMarkParser.parse(split.body)
    }

    /// The file line of a body line.
    func fileLine(_ bodyLine: Int) -> Int { bodyLine + firstLine - 1 }

    /// The file range of a parsed node.
    func range(of node: MarkdownNode) -> SourceRange {
        SourceRange(
            start: file.location(line: fileLine(max(node.startLine, 1)), column: max(node.startColumn, 1)),
            end: file.location(line: fileLine(max(node.endLine, 1)), column: node.endColumn + 1)
        )
    }

    /// Where the body starts, for problems about something the body lacks.
    var startRange: SourceRange {
        file.range(line: min(firstLine, max(file.lines.count, 1)), column: 1)
    }

    /// The author's Markdown for a run of top-level blocks, exactly as written.
    func source(of blocks: [MarkdownNode]) -> String {
        guard let first = blocks.first, let last = blocks.last else { return "" }
        let start = max(first.startLine, 1), end = min(max(last.endLine, start), lines.count)
        guard start <= end else { return "" }
        return lines[(start - 1)..<end].map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .joined(separator: "\n")
    }

    /// The file line of the first of some blocks.
    func firstFileLine(of blocks: [MarkdownNode]) -> Int {
        fileLine(max(blocks.first?.startLine ?? 1, 1))
    }
}
