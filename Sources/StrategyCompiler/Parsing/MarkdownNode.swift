/// A CommonMark node as a Swift value: what cmark parsed, without any C pointer.
///
/// Positions are relative to the text that was parsed (line 1 is its first line); columns count UTF-8
/// bytes, as cmark does.
struct MarkdownNode: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool)
        case item
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(url: String)
        case image(url: String)
        case other
    }

    var kind: Kind
    /// The literal text of text, code, code-block and HTML nodes; empty otherwise.
    var literal: String
    var children: [MarkdownNode]
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int

    init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], startLine: Int = 0,
                startColumn: Int = 0, endLine: Int = 0, endColumn: Int = 0) {
        self.kind = kind
        self.literal = literal
        self.children = children
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// The text of the node's inlines, with markup removed (`*very* good` gives `very good`).
    var inlineText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.inlineText).joined()
        }
    }

    /// Every node below this one, depth first, in document order.
    var descendants: [MarkdownNode] {
        children.flatMap { [$0] + $0.descendants }
    }
}
