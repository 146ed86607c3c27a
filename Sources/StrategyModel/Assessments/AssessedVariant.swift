/// What a council's report says about the variant its returns were read against: which indicators are
/// the variant's own (added, or reworded from the base), and which national elements it left out and why.
/// A reader of the report otherwise cannot tell a local indicator from a national one, nor see that a
/// national key area is missing on purpose.
public struct AssessedVariant: Sendable {
    /// How an indicator of the variant differs from the national strategy.
    public enum LocalKind: Sendable {
        /// Added by the variant (or in a key area it added).
        case added
        /// Inherited, with its text reworded by the variant.
        case reworded
    }

    /// The variant's title, as its report names it.
    public var title: String
    /// By indicator id; an indicator as in the national strategy is absent.
    public var localIndicators: [String: LocalKind]
    /// Key areas the variant added.
    public var localKeyAreas: Set<String>
    /// National key areas left out by a layer, with its reason, in the order the layers list them.
    public var excludedKeyAreas: [ResolvedVariant.Excluded]
    /// Everything else left out by a layer, with its reason: national indicators, or a region's own
    /// elements that a council's layer leaves out.
    public var excludedIndicators: [ResolvedVariant.Excluded]

    public init(title: String, localIndicators: [String: LocalKind], localKeyAreas: Set<String>,
                excludedKeyAreas: [ResolvedVariant.Excluded], excludedIndicators: [ResolvedVariant.Excluded]) {
        self.title = title
        self.localIndicators = localIndicators
        self.localKeyAreas = localKeyAreas
        self.excludedKeyAreas = excludedKeyAreas
        self.excludedIndicators = excludedIndicators
    }

    /// The facts of a resolved variant.
    public init(_ resolved: ResolvedVariant) {
        var local: [String: LocalKind] = [:]
        var areas: Set<String> = []
        for area in resolved.strategy.allKeyAreas {
            let areaAdded = resolved.origin(of: area.id).isAdded
            if areaAdded { areas.insert(area.id) }
            for indicator in area.indicators {
                switch resolved.origin(of: indicator.id) {
                case .added: local[indicator.id] = .added
                case .changed: local[indicator.id] = areaAdded ? .added : .reworded
                case .inherited: if areaAdded { local[indicator.id] = .added }
                }
            }
        }
        let baseAreas = Set(resolved.base.allKeyAreas.map(\.id))
        self.init(title: resolved.publishedStrategy.title, localIndicators: local, localKeyAreas: areas,
                  excludedKeyAreas: resolved.exclusions.filter { baseAreas.contains($0.id) },
                  excludedIndicators: resolved.exclusions.filter { !baseAreas.contains($0.id) })
    }
}
