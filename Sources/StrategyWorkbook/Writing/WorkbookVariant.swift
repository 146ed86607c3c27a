import StrategyModel
import StrategyRender

/// What a variant's workbook carries beyond the national layout: the default targets filled in, the
/// weights behind the Summary's weighted levels, each row's origin, and a stamp naming the base it was
/// built on. Made from a `ResolvedVariant`, so the workbook itself stays free of resolution logic.
public struct WorkbookVariant: Sendable, Equatable {
    /// The variant's id and title, as `variant.md` gives them.
    public var id: String
    public var title: String
    /// The edition and content hash of the national strategy the variant resolves onto.
    public var baseEdition: String
    public var baseHash: String
    /// The layers from the national strategy outwards, by title (`Greener North > Riverside`).
    public var layers: [String]
    /// By key-area id: the default target level's id, filled into the Target cells (still editable).
    public var defaultTargets: [String: String]
    /// By key-area id: the weight in the Summary's weighted levels (1 when the variant gives none).
    public var weights: [String: Double]
    /// By indicator id: where the row comes from, as shown in the Origin column.
    public var origins: [String: String]
    /// Indicators a layer added: they are the variant's own and never count in a national comparison.
    public var localIndicators: Set<String>
    /// By key-area id: its priority in words (`PriorityWording`), shown as the guidance of its Target cells.
    public var priorities: [String: String] = [:]

    public init(id: String, title: String, baseEdition: String, baseHash: String, layers: [String],
                defaultTargets: [String: String], weights: [String: Double], origins: [String: String],
                localIndicators: Set<String>) {
        self.id = id
        self.title = title
        self.baseEdition = baseEdition
        self.baseHash = baseHash
        self.layers = layers
        self.defaultTargets = defaultTargets
        self.weights = weights
        self.origins = origins
        self.localIndicators = localIndicators
    }

    /// The facts of a resolved variant. `baseHash` is the content hash of the national model.
    public init(_ resolved: ResolvedVariant, baseHash: ContentHash) {
        let titles = Dictionary(resolved.layers.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var origins: [String: String] = [:]
        var local: Set<String> = []
        for area in resolved.strategy.allKeyAreas {
            let areaOrigin = resolved.origin(of: area.id)
            for indicator in area.indicators {
                var origin = resolved.origin(of: indicator.id)
                if case .added = areaOrigin { origin = areaOrigin }
                switch origin {
                case .inherited:
                    origins[indicator.id] = "National"
                case .changed(let by):
                    origins[indicator.id] = "National, changed by \(titles[by] ?? by)"
                case .added(let by):
                    origins[indicator.id] = "Local: added by \(titles[by] ?? by)"
                    local.insert(indicator.id)
                }
            }
        }
        self.init(id: resolved.variant?.id ?? "", title: resolved.variant?.title ?? resolved.strategy.title,
                  baseEdition: resolved.base.edition, baseHash: baseHash.hex, layers: resolved.layers.map(\.title),
                  defaultTargets: resolved.priorities.compactMapValues(\.target),
                  weights: resolved.priorities.mapValues(\.weight), origins: origins, localIndicators: local)
        let levelNames = PriorityWording.levelNames(resolved.strategy)
        priorities = resolved.priorities.mapValues { PriorityWording.detail($0, levelNames: levelNames) }
    }

    public func weight(of keyAreaID: String) -> Double { weights[keyAreaID] ?? 1 }
}
