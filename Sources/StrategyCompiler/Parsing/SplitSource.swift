/// A source file cut in two: the YAML between the `---` lines, and the Markdown after them.
///
/// cmark never sees the front matter (it would read `---` as a thematic break). Both halves remember the
/// file line they start on, so positions reported inside them are shifted back into the file's coordinates.
struct SplitSource: Sendable {
    /// The YAML text, without the delimiter lines.
    var frontMatter: String
    /// The file line of the first YAML line.
    var frontMatterFirstLine: Int
    /// The Markdown text after the closing delimiter.
    var body: String
    /// The file line of the first body line.
    var bodyFirstLine: Int
}
