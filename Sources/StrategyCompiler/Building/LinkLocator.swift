import StrategyModel
import StrategyDiagnostics

/// Where a link's target is written. cmark gives inline nodes no reliable position, so the target is
/// found in the block's own lines (`](target`); failing that, the block's start stands in.
enum LinkLocator {
    static func range(of url: String, in block: MarkdownNode, body: MarkdownBody) -> SourceRange {
        let blockRange = body.range(of: block)
        for number in blockRange.start.line...max(blockRange.start.line, blockRange.end.line) {
            if let column = body.file.column(of: "](" + url, inLine: number) {
                return body.file.range(line: number, column: column + 2, length: url.utf8.count)
            }
            if let column = body.file.column(of: "<" + url + ">", inLine: number) {
                return body.file.range(line: number, column: column + 1, length: url.utf8.count)
            }
        }
        return blockRange
    }
}
