/// An output that could not be written (a full disk, a read-only folder): I/O, not a content problem.
public struct OutputWriteFailure: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
