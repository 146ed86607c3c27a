/// One problem found in the sources, as data.
///
/// Compiling never throws for content problems: every stage appends diagnostics and carries on, so one run
/// reports everything. Only I/O failures (a folder that cannot be read) are thrown.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A further remark attached to a diagnostic, usually pointing at a second place ("first defined here").
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var range: SourceRange?

        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    public var severity: DiagnosticSeverity
    public var code: DiagnosticCode
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    public var fixIts: [FixIt]
    /// For a broken link, its target as written: what a later check needs to know about the link, given as
    /// data so that nothing has to be read back out of the message.
    public var linkTarget: String?

    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at range: SourceRange,
        severity: DiagnosticSeverity? = nil,
        notes: [Note] = [],
        fixIts: [FixIt] = [],
        linkTarget: String? = nil
    ) {
        self.code = code
        self.message = message
        self.range = range
        self.severity = severity ?? code.defaultSeverity
        self.notes = notes
        self.fixIts = fixIts
        self.linkTarget = linkTarget
    }

    public var location: SourceLocation { range.start }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, then position, then code, so output is stable whatever order checks ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error, which makes the build fail.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
