import Foundation
import StrategySupport

/// Turns parsed Markdown into plain text for places that cannot show markup, such as spreadsheet cells.
///
/// Paragraphs are separated by a blank line and list items start on their own line with "• " (or "1. ");
/// emphasis and links keep their text; raw HTML is dropped, as it is from the HTML output.
struct PlainTextRenderer {
    func render(_ node: MarkdownNode) -> String {
        blocks(node.children).trimmingSpacesAndNewlines()
    }

    private func blocks(_ nodes: [MarkdownNode]) -> String {
        nodes.map(block).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func block(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .paragraph, .heading: return node.inlineText
        case .codeBlock: return node.literal.trimmingCharacters(in: .newlines)
        case .htmlBlock, .thematicBreak: return ""
        case .blockQuote, .document: return blocks(node.children)
        case .list(let ordered):
            return node.children.enumerated().map { index, item in
                let marker = ordered ? "\(index + 1). " : "• "
                return marker + item.children.map(block).filter { !$0.isEmpty }.joined(separator: " ")
            }.joined(separator: "\n")
        case .item: return node.children.map(block).joined(separator: " ")
        default: return node.inlineText
        }
    }
}
