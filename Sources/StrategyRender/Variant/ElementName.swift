import StrategyModel

/// How a variant's outputs name an element they list: a key area by its title, an indicator by its title
/// *and its key area's*, each linked to its page where it has one. Every key area has an indicator called
/// "High level principle and specific behaviour", so an indicator's title alone names nothing.
public struct ElementName: Sendable, TemplateFields {
    public var title: String
    /// The element's page (`key-areas/<id>.html`, with `#<id>` for an indicator), relative to the site root;
    /// empty when it has none (it was left out).
    public var href: String
    public var hasLink: Bool
    public var isIndicator: Bool
    /// For an indicator: its key area, and that key area's page (empty when it has none).
    public var keyAreaTitle: String
    public var keyAreaHref: String
    public var hasKeyAreaLink: Bool

    public init(title: String, href: String?, keyAreaTitle: String? = nil, keyAreaHref: String? = nil) {
        self.title = title
        self.href = href ?? ""
        hasLink = href != nil
        isIndicator = keyAreaTitle != nil
        self.keyAreaTitle = keyAreaTitle ?? ""
        self.keyAreaHref = keyAreaHref ?? ""
        hasKeyAreaLink = keyAreaHref != nil
    }

    /// The name as plain text, for toolkit.md and messages: "Reporting, in Engaging councillors".
    public var plain: String { isIndicator ? "\(title), in \(keyAreaTitle)" : title }

    /// Names for the elements of a published model, with links to their pages on its site.
    public struct Directory: Sendable {
        private var keyAreas: [String: KeyArea] = [:]
        private var keyAreaOfIndicator: [String: KeyArea] = [:]

        public init(_ strategy: Strategy) {
            for area in strategy.allKeyAreas where keyAreas[area.id] == nil {
                keyAreas[area.id] = area
                for indicator in area.indicators where keyAreaOfIndicator[indicator.id] == nil {
                    keyAreaOfIndicator[indicator.id] = area
                }
            }
        }

        public func isKeyArea(_ id: String) -> Bool { keyAreas[id] != nil }

        /// The name of a key area or indicator of the model, by id; the id itself if it has none.
        public func name(of id: String) -> ElementName {
            if let area = keyAreas[id] { return ElementName(title: area.title, href: Self.page(area)) }
            if let area = keyAreaOfIndicator[id], let indicator = area.indicators.first(where: { $0.id == id }) {
                return ElementName(title: indicator.title, href: Self.page(area) + "#" + id, keyAreaTitle: area.title,
                                   keyAreaHref: Self.page(area))
            }
            return ElementName(title: id, href: nil)
        }

        /// The name of something left out: no page of its own, but an indicator's key area is still published.
        public func name(of excluded: ResolvedVariant.Excluded) -> ElementName {
            guard let areaTitle = excluded.keyAreaTitle else { return ElementName(title: excluded.title, href: nil) }
            return ElementName(title: excluded.title, href: nil, keyAreaTitle: areaTitle,
                               keyAreaHref: excluded.keyAreaID.flatMap { keyAreas[$0] }.map(Self.page))
        }

        private static func page(_ area: KeyArea) -> String { "key-areas/\(area.id).html" }
    }
}
