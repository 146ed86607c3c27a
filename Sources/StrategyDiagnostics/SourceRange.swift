/// A span of one source file, from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at one point, for problems that have a position but no extent.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    public var path: String { start.path }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { start.description }
}
