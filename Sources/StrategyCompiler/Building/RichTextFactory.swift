import Foundation
import StrategyModel

/// Makes the three forms of a piece of authored Markdown, and reports what safe mode will drop from it.
struct RichTextFactory {
    let engine: DiagnosticEngine

    /// How `strategyc new` marks text still to be written; `check` warns until it is replaced.
    static let placeholder = "TODO"

    /// Builds rich text from top-level blocks of a body. Raw HTML and dangerous URLs are reported at their
    /// block's position; they do not stop the build, since safe mode removes them from the output.
    func make(_ blocks: [MarkdownNode], in body: MarkdownBody) -> RichText {
        for block in blocks {
            for node in [block] + block.descendants {
                report(node, in: block, body: body)
            }
        }
        let markdown = body.source(of: blocks)
        if let first = blocks.first, markdown.trimmingCharacters(in: .whitespaces).hasPrefix(Self.placeholder) {
            engine.emit(Diagnostic(.placeholderText, "placeholder text: write the real content here",
                                   at: body.range(of: first)))
        }
        return make(markdown: markdown)
    }

    /// Builds rich text from Markdown source alone (no diagnostics).
    func make(markdown: String) -> RichText {
        let trimmed = markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return RichText(markdown: "", html: "", plainText: "") }
        return RichText(
            markdown: trimmed,
            html: CommonMarkParser.renderHTML(trimmed),
            plainText: PlainTextRenderer().render(CommonMarkParser.parse(trimmed))
        )
    }

    private func report(_ node: MarkdownNode, in block: MarkdownNode, body: MarkdownBody) {
        // Inline nodes carry no reliable position in cmark, so inline problems point at their block.
        let range = node.startLine > 0 ? body.range(of: node) : body.range(of: block)
        switch node.kind {
        case .htmlBlock, .htmlInline:
            let snippet = node.literal.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40)
            engine.emit(Diagnostic(
                .rawHTML, "raw HTML `\(snippet)` is not published; write it in Markdown instead", at: range))
        case .link(let url) where URLSafety.isDangerous(url):
            engine.emit(Diagnostic(
                .unsafeLink, "link to '\(url.prefix(40))' is not published: its scheme can run code",
                at: range))
        case .image(let url) where URLSafety.isDangerous(url):
            engine.emit(Diagnostic(
                .unsafeLink, "image '\(url.prefix(40))' is not published and is replaced by its description",
                at: range))
        default:
            break
        }
    }
}
