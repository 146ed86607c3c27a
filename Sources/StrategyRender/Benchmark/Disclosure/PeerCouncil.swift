import StrategyModel

/// One council in one round, as the peer benchmark sees it: its respondents combined and scored against
/// the national strategy alone (local answers left out), as its own report scores them.
public struct PeerCouncil: Sendable, Equatable {
    public var key: String
    public var name: String
    public var type: String
    public var region: String
    /// Validated only when every respondent's return says it was.
    public var basis: StoredReturn.Basis
    /// By key-area id: the level reached (a number from 1), present once every indicator has one.
    public var levels: [String: Int]
    /// By key-area id: the highest target set.
    public var targets: [String: Int]
    /// By key-area id: progress to target, 0 to 1.
    public var progress: [String: Double]
    /// Over every key area, each weighing 1.
    public var overall: Double?
    /// The council's secret record key for the benchmark's rounding (`CellKeyRounding`): the same in every
    /// round, never published.
    public var recordKey: UInt32

    public init(key: String, name: String, type: String, region: String, basis: StoredReturn.Basis,
                levels: [String: Int], targets: [String: Int], progress: [String: Double], overall: Double?, recordKey: UInt32 = 0) {
        self.key = key
        self.name = name
        self.type = type
        self.region = region
        self.basis = basis
        self.levels = levels
        self.targets = targets
        self.progress = progress
        self.overall = overall
        self.recordKey = recordKey
    }

    /// The councils of a round, from their returns: respondents of one council (by name, however spelt)
    /// combined with the council report's rules. Type and region come from the latest return.
    /// `recordKey` gives each council's key from its council key.
    public static func councils(from returns: [StoredReturn], published: PublishedStrategy,
                                recordKey: (String) -> UInt32) -> [PeerCouncil] {
        let byCouncil = Dictionary(grouping: returns, by: \.councilKey)
        return byCouncil.keys.sorted().map { key in
            let own = byCouncil[key]!.sorted { ($0.assessedOn, $0.contentHash) < ($1.assessedOn, $1.contentHash) }
            let latest = own.last!
            let result = AssessmentResult(published, returns: own.map { $0.nationalReturn() })
            var levels: [String: Int] = [:], targets: [String: Int] = [:], progress: [String: Double] = [:]
            for area in result.keyAreas {
                levels[area.keyArea.id] = area.current
                targets[area.keyArea.id] = area.target
                progress[area.keyArea.id] = area.progress
            }
            return PeerCouncil(key: key, name: latest.council, type: latest.councilType, region: latest.region,
                               basis: own.allSatisfy { $0.basis == .validated } ? .validated : .selfAssessed,
                               levels: levels, targets: targets, progress: progress, overall: result.progress,
                               recordKey: recordKey(key))
        }
    }
}
