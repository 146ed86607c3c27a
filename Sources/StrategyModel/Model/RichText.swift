/// A piece of authored Markdown, kept in three forms so that renderers never need a Markdown parser.
///
/// The compiler fills all three with cmark: `markdown` is the author's text exactly as written (trimmed),
/// `html` is cmark's safe-mode rendering (no raw HTML, no dangerous URLs) and `plainText` is the text
/// with the markup removed, for spreadsheet cells and search.
public struct RichText: Hashable, Sendable {
    public var markdown: String
    public var html: String
    public var plainText: String

    public init(markdown: String, html: String, plainText: String) {
        self.markdown = markdown
        self.html = html
        self.plainText = plainText
    }

    public var isEmpty: Bool { plainText.allSatisfy(\.isWhitespace) }
}
