import StrategyDiagnostics
/// What an indicator looks like at one level: the text of one cell of the maturity table.
public struct Descriptor: Hashable, Sendable {
    public var levelID: String
    public var text: RichText
    /// From the level heading to the end of its text.
    public var range: SourceRange

    public init(levelID: String, text: RichText, range: SourceRange) {
        self.levelID = levelID
        self.text = text
        self.range = range
    }
}
