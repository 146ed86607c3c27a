/// A council's completed assessment, read back from its workbook: who answered, and each indicator's
/// answers, by the indicator's stable id.
public struct CompletedReturn: Equatable, Sendable {
    /// One indicator's answers. Levels are level ids (`mature`), not the names the workbook shows.
    public struct Answer: Equatable, Sendable {
        public var current: String?
        public var target: String?
        public var evidence = ""
        public var actions = ""
        public var owner = ""
        /// As written in the cell: a date is shown YYYY-MM-DD.
        public var reviewDate = ""

        public init(current: String? = nil, target: String? = nil) {
            self.current = current
            self.target = target
        }
    }

    /// What the workbook says it was made from (its Metadata sheet).
    public struct Stamp: Equatable, Sendable {
        public var edition: String
        public var contentHash: String
        public var layout: String
    }

    /// The file as the user named it.
    public var path: String
    public var stamp: Stamp
    /// The About answers, by the defined name of their cell (`AboutRegion` → `North West`); a question left
    /// blank is absent.
    public var about: [String: String]
    /// By indicator id; every row of the Assessment sheet that names a known indicator.
    public var answers: [String: Answer]
}
