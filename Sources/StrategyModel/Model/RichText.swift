import StrategyDiagnostics
/// A piece of authored Markdown, kept in three forms so that renderers never need a Markdown parser.
///
/// The compiler fills all three with cmark: `markdown` is the author's text exactly as written (trimmed),
/// `html` is cmark's safe-mode rendering (no raw HTML, no dangerous URLs) and `plainText` is the text
/// with the markup removed, for spreadsheet cells and search.
public struct RichText: Hashable, Sendable {
    public var markdown: String
    public var html: String
    public var plainText: String
    /// When the author's text holds raw HTML or a link or image that can run code: the same text as
    /// Markdown without them, for outputs that carry Markdown (toolkit.md). Nil when `markdown` is safe.
    public var publishedMarkdown: String?
    /// The links the text makes, with where each is written, so that links between pages can be checked
    /// against what is published.
    public var links: [LinkReference] = []

    /// A link's target as written, and its place in the source.
    public struct LinkReference: Hashable, Sendable {
        public var url: String
        public var range: SourceRange

        public init(url: String, range: SourceRange) {
            self.url = url
            self.range = range
        }
    }

    public init(markdown: String, html: String, plainText: String) {
        self.markdown = markdown
        self.html = html
        self.plainText = plainText
    }

    public var isEmpty: Bool { plainText.allSatisfy(\.isWhitespace) }

    /// The Markdown an output may carry: the author's text, or its safe form when it needs one.
    public var safeMarkdown: String { publishedMarkdown ?? markdown }
}
