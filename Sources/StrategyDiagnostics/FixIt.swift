/// A mechanical repair an editor or a tool could apply: replace the text in `range` with `replacement`.
///
/// An empty range inserts; an empty replacement deletes. Fix-its are offered only where the right answer is
/// obvious (a misspelt key, an id that is almost a slug), never as a guess between several answers.
public struct FixIt: Hashable, Sendable, Codable {
    public var message: String
    public var range: SourceRange
    public var replacement: String

    public init(_ message: String, range: SourceRange, replacement: String) {
        self.message = message
        self.range = range
        self.replacement = replacement
    }
}
