import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Makes the three forms of a piece of authored Markdown, and reports what safe mode will drop from it.
struct RichTextFactory {
    let collector: DiagnosticCollector

    /// How `strategyc new` marks text still to be written; `check` warns until it is replaced.
    static let placeholder = "TODO"

    /// Builds rich text from top-level blocks of a body. Raw HTML and dangerous URLs are reported at their
    /// block's position; they do not stop the build, since safe mode removes them from the output.
    func make(_ blocks: [MarkdownNode], in body: MarkdownBody) -> RichText {
        var links: [RichText.LinkReference] = []
        for block in blocks {
            reportUnpublishable(block, body: body)
            for node in [block] + block.descendants {
                report(node, in: block, body: body)
                if case .link(let url) = node.kind {
                    links.append(.init(url: url, range: LinkLocator.range(of: url, in: block, body: body)))
                }
            }
        }
        let markdown = body.source(of: blocks)
        if let first = blocks.first, markdown.trimmingSpaces().hasPrefix(Self.placeholder) {
            collector.report(Diagnostic(.placeholderText, "placeholder text: write the real content here",
                                   at: body.range(of: first)))
        }
        var text = make(markdown: markdown)
        text.links = links
        return text
    }

    /// Markdown that cmark reads without complaint but the toolkit cannot show as meant: a pipe table
    /// (the toolkit's own table has one cell per level, and a table inside a cell reads as rows of pipes).
    /// Headings inside a text are reported by the outline, which knows the depths.
    private func reportUnpublishable(_ block: MarkdownNode, body: MarkdownBody) {
        let range = body.range(of: block)
        switch block.kind {
        case .paragraph:
            let lines = (range.start.line...max(range.start.line, range.end.line)).map { body.file.line($0) }
            if lines.count >= 2, lines[0].contains("|"), Self.isTableDelimiter(lines[1]) {
                collector.report(Diagnostic(
                    .unsupportedMarkdown,
                    "a table cannot be published here (each descriptor is one cell of the maturity table, and help "
                        + "text sits beside it); write a list instead", at: range))
            }
        default:
            break
        }
    }

    /// `|---|:---:|` and the like: the line under a pipe table's header.
    static func isTableDelimiter(_ line: Substring) -> Bool {
        let cells = line.trimmingSpaces().split(separator: "|", omittingEmptySubsequences: true)
        guard line.contains("-"), !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let trimmed = cell.trimmingSpaces()
            return !trimmed.isEmpty && trimmed.allSatisfy { $0 == "-" || $0 == ":" } && trimmed.contains("-")
        }
    }

    /// Builds rich text from Markdown source alone (no diagnostics).
    func make(markdown: String) -> RichText {
        let trimmed = markdown.trimmingSpacesAndNewlines()
        guard !trimmed.isEmpty else { return RichText(markdown: "", html: "", plainText: "") }
        let tree = CommonMarkParser.parse(trimmed)
        var text = RichText(markdown: trimmed, html: CommonMarkParser.renderHTML(trimmed),
                            plainText: PlainTextRenderer().render(tree))
        let unsafe = ([tree] + tree.descendants).contains { node in
            switch node.kind {
            case .htmlBlock, .htmlInline: true
            case .link(let url), .image(let url): URLSafety.isDangerous(url)
            default: false
            }
        }
        if unsafe {
            text.publishedMarkdown = CommonMarkParser.renderSafeCommonMark(trimmed).trimmingSpacesAndNewlines()
        }
        return text
    }

    private func report(_ node: MarkdownNode, in block: MarkdownNode, body: MarkdownBody) {
        // Inline nodes carry no reliable position in cmark, so inline problems point at their block.
        let range = node.startLine > 0 ? body.range(of: node) : body.range(of: block)
        switch node.kind {
        case .htmlBlock, .htmlInline:
            let snippet = node.literal.trimmingSpacesAndNewlines().prefix(40)
            collector.report(Diagnostic(
                .rawHTML, "raw HTML `\(snippet)` is not published; write it in Markdown instead", at: range))
        case .link(let url) where URLSafety.isDangerous(url):
            collector.report(Diagnostic(
                .unsafeLink, "link to '\(url.prefix(40))' is not published: its scheme can run code",
                at: range))
        case .image(let url) where URLSafety.isDangerous(url):
            collector.report(Diagnostic(
                .unsafeLink, "image '\(url.prefix(40))' is not published and is replaced by its description",
                at: range))
        default:
            break
        }
    }
}
