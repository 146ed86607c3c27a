import CMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The project's only door to cmark.
///
/// Each function parses, copies what it needs into Swift values, and frees the C tree before returning, so
/// no C pointer escapes this file (which also keeps Swift 6 strict concurrency satisfied).
enum CommonMarkParser {
    /// Nodes nested deeper than this are attached to the deepest allowed ancestor instead, so that absurdly
    /// nested input (thousands of `>`) cannot exhaust the stack of the recursive code that reads the tree.
    static let maximumDepth = 64

    /// Parses CommonMark into a tree of `MarkdownNode`s with source positions.
    static func parse(_ text: String) -> MarkdownNode {
        let document = parseDocument(text)
        defer { cmark_node_free(document) }
        return convert(document)
    }

    /// Renders CommonMark to HTML in safe mode: raw HTML is replaced by a comment and dangerous link URLs by
    /// an empty `href`. Images whose URL is dangerous are replaced by their alt text, because safe mode's
    /// `<img src="">` is not valid HTML.
    static func renderHTML(_ text: String) -> String {
        let document = parseDocument(text)
        defer { cmark_node_free(document) }
        replaceDangerousImages(in: document)
        guard let html = cmark_render_html(document, CMARK_OPT_SAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The text as CommonMark without what safe mode drops: raw HTML removed, a link whose URL can run
    /// code replaced by its text, such an image by its description. For outputs that carry Markdown, so
    /// that a reader's renderer cannot run what the HTML site never shows.
    static func renderSafeCommonMark(_ text: String) -> String {
        let document = parseDocument(text)
        defer { cmark_node_free(document) }
        replaceDangerousImages(in: document)
        guard let iterator = cmark_iter_new(document) else { return "" }
        var html: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: html.append(node)
            case CMARK_NODE_LINK where URLSafety.isDangerous(string(cmark_node_get_url(node))): links.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)
        for link in links.reversed() {
            while let child = cmark_node_first_child(link) { cmark_node_insert_before(link, child) }
            cmark_node_free(link)
        }
        for node in html { cmark_node_free(node) }
        guard let markdown = cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(markdown) }
        return String(cString: markdown)
    }

    // MARK: - Private

    private static func parseDocument(_ text: String) -> OpaquePointer {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    /// Walks the C tree with cmark's iterator (no recursion) and builds the Swift tree.
    private static func convert(_ root: OpaquePointer) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else { return MarkdownNode(kind: .document) }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkdownNode] = []
        var overflow = 0
        var result = MarkdownNode(kind: .document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let pointer = cmark_iter_get_node(iterator) else { continue }
            let isLeaf = isLeafType(cmark_node_get_type(pointer))
            if event == CMARK_EVENT_ENTER {
                let node = makeNode(pointer)
                if isLeaf {
                    if stack.isEmpty { result = node } else { stack[stack.count - 1].children.append(node) }
                } else if stack.count >= maximumDepth {
                    overflow += 1
                } else {
                    stack.append(node)
                }
            } else if event == CMARK_EVENT_EXIT {
                if overflow > 0 {
                    overflow -= 1
                    continue
                }
                guard let finished = stack.popLast() else { continue }
                if stack.isEmpty { result = finished } else { stack[stack.count - 1].children.append(finished) }
            }
        }
        return result
    }

    /// Node types that the iterator visits once (enter only), per cmark.h.
    private static func isLeafType(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            true
        default:
            false
        }
    }

    private static func makeNode(_ pointer: OpaquePointer) -> MarkdownNode {
        MarkdownNode(
            kind: kind(of: pointer),
            literal: string(cmark_node_get_literal(pointer)),
            startLine: Int(cmark_node_get_start_line(pointer)),
            startColumn: Int(cmark_node_get_start_column(pointer)),
            endLine: Int(cmark_node_get_end_line(pointer)),
            endColumn: Int(cmark_node_get_end_column(pointer))
        )
    }

    private static func kind(of pointer: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list(ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock(info: string(cmark_node_get_fence_info(pointer)))
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link(url: string(cmark_node_get_url(pointer)))
        case CMARK_NODE_IMAGE: .image(url: string(cmark_node_get_url(pointer)))
        default: .other
        }
    }

    private static func replaceDangerousImages(in document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        var dangerous: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                  URLSafety.isDangerous(string(cmark_node_get_url(node))) else { continue }
            dangerous.append(node)
        }
        cmark_iter_free(iterator)
        // Innermost first, so that an image nested in another's alt text is handled before its parent.
        for image in dangerous.reversed() {
            while let child = cmark_node_first_child(image) {
                cmark_node_insert_before(image, child)
            }
            cmark_node_free(image)
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
