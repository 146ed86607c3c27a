import StrategyModel

/// The contents list every HTML page carries, built once per site and root rather than once per page.
///
/// A theme is listed in full while it has at most `listingLimit` key areas, which every real toolkit
/// does (in `Strategy/` the largest has four). A longer theme is shown as its title, linking to its
/// list on the home page, and how many key areas it has. Without that limit every page would carry every
/// other page's link: with 1,500 key areas that is 2.25 million links, and time and output grow with the
/// square of the strategy. With it, each page's contents are bounded, and the site grows linearly.
struct SiteNavigation {
    /// The most key areas a theme may have and still be listed in full on every page.
    static let listingLimit = 50

    /// The contents seen from the site root and from `key-areas/`, with no page current.
    private let fromRoot: [NavigationTheme]
    private let fromKeyAreas: [NavigationTheme]
    /// Where each key area sits in the contents: its theme's index, and its index in that theme's list
    /// (nil when the theme is not listed).
    private let positions: [String: (theme: Int, keyArea: Int?)]

    init(_ published: PublishedStrategy) {
        fromRoot = Self.themes(published, root: "")
        fromKeyAreas = Self.themes(published, root: "../")
        var positions: [String: (theme: Int, keyArea: Int?)] = [:]
        for (themeIndex, group) in published.themes.enumerated() {
            let isListed = Self.isListed(group)
            for (areaIndex, area) in group.keyAreas.enumerated() where positions[area.id] == nil {
                positions[area.id] = (themeIndex, isListed ? areaIndex : nil)
            }
        }
        self.positions = positions
    }

    /// The contents for a page at `root` ("" or "../"), with the key area `current` marked.
    func contents(root: String, current: String?) -> [NavigationTheme] {
        var themes = root.isEmpty ? fromRoot : fromKeyAreas
        if let current, let position = positions[current] {
            themes[position.theme].isCurrentTheme = true
            if let keyArea = position.keyArea {
                themes[position.theme].keyAreas[keyArea].isCurrent = true
            }
        }
        return themes
    }

    /// Whether a theme is short enough to list in full on every page.
    static func isListed(_ group: PublishedStrategy.PublishedTheme) -> Bool {
        group.keyAreas.count <= listingLimit
    }

    private static func themes(_ published: PublishedStrategy, root: String) -> [NavigationTheme] {
        published.themes.map { group in
            let isListed = Self.isListed(group)
            let count = group.keyAreas.count
            let noun = group.isEnablers ? (count == 1 ? "enabler" : "enablers") : (count == 1 ? "key area" : "key areas")
            return NavigationTheme(
                id: group.theme.id, title: group.theme.title, href: "\(root)index.html#theme-\(group.theme.id)",
                keyAreas: isListed ? group.keyAreas.map {
                    NavigationKeyArea(title: $0.title, href: root + SiteRenderer.pagePath($0), isCurrent: false)
                } : [],
                isListed: isListed, keyAreaCount: count, keyAreaNoun: noun, isCurrentTheme: false)
        }
    }
}
