/// What an edition publishes, worked out once: the themes that have active key areas, each with its
/// active key areas in order, each with its active indicators; and what was retired, for the lists that
/// say so. Every renderer (site, toolkit.md, workbook, CSV) and the check summary read this, so they can
/// never disagree about what is in the edition.
public struct PublishedStrategy: Sendable {
    /// A theme as published: its active key areas, in order, with only their active indicators.
    public struct PublishedTheme: Sendable {
        public let theme: Theme
        public let keyAreas: [KeyArea]

        public var isEnablers: Bool { theme.kind == .enablers }
    }

    /// A retired key area and the theme it belonged to.
    public struct RetiredKeyArea: Sendable {
        public let theme: Theme
        public let keyArea: KeyArea
    }

    /// A retired indicator of a key area that is still published (a retired key area's indicators go with it).
    public struct RetiredIndicator: Sendable {
        public let keyArea: KeyArea
        public let indicator: Indicator
    }

    public let strategy: Strategy
    /// Themes with at least one active key area, in order.
    public let themes: [PublishedTheme]
    /// Retired key areas, in theme and key-area order.
    public let retiredKeyAreas: [RetiredKeyArea]
    /// Retired indicators of published key areas, in toolkit order.
    public let retiredIndicators: [RetiredIndicator]

    public init(_ strategy: Strategy) {
        self.strategy = strategy
        themes = strategy.themes.compactMap { theme in
            let areas = theme.keyAreas.filter { $0.status == .active }.map { area in
                var area = area
                area.indicators = area.indicators.filter { $0.status == .active }
                return area
            }
            return areas.isEmpty ? nil : PublishedTheme(theme: theme, keyAreas: areas)
        }
        retiredKeyAreas = strategy.themes.flatMap { theme in
            theme.keyAreas.filter { $0.status == .retired }.map { RetiredKeyArea(theme: theme, keyArea: $0) }
        }
        retiredIndicators = strategy.allKeyAreas.filter { $0.status == .active }.flatMap { area in
            area.indicators.filter { $0.status == .retired }.map { RetiredIndicator(keyArea: area, indicator: $0) }
        }
    }

    /// Every published key area and enabler, in toolkit order.
    public var keyAreas: [KeyArea] { themes.flatMap(\.keyAreas) }

    /// Published key areas of the themes proper (not the enablers).
    public var themeKeyAreas: [KeyArea] { themes.filter { !$0.isEnablers }.flatMap(\.keyAreas) }

    /// Published enablers.
    public var enablers: [KeyArea] { themes.filter(\.isEnablers).flatMap(\.keyAreas) }

    /// The theme a published key area belongs to.
    public func theme(of area: KeyArea) -> Theme? {
        themes.first { $0.theme.id == area.themeID }?.theme
    }
}
