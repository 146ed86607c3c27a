/// The keys each kind of file may have in its front matter. A key not listed is reported as unknown,
/// with the nearest listed key suggested.
struct FrontMatterSchema {
    let required: [String]
    let optional: [String]

    var allKeys: [String] { required + optional }

    static let strategy = FrontMatterSchema(
        required: ["title", "edition", "publisher", "levels"],
        optional: ["short_title", "published", "previous_edition", "editions"]
    )

    static let level = FrontMatterSchema(required: ["id", "name"], optional: ["summary"])

    static let assessment = FrontMatterSchema(required: ["organisation_types", "regions", "validation"], optional: [])

    static let theme = FrontMatterSchema(required: ["id", "title", "order", "kind"], optional: [])

    static let keyArea = FrontMatterSchema(
        required: ["id", "title", "theme", "order", "status", "since"],
        optional: ["retired_in", "replaced_by"]
    )

    static let variant = FrontMatterSchema(
        required: ["id", "title", "for", "type", "base"],
        optional: ["base_edition", "publisher", "exclude", "priorities", "overrides", "branding"]
    )

    static let branding = FrontMatterSchema(required: [], optional: ["accent", "logo"])

    static let exclusion = FrontMatterSchema(required: ["id", "reason"], optional: [])

    static let priority = FrontMatterSchema(required: ["key_area"], optional: ["weight", "target", "minimum_target"])

    static let override = FrontMatterSchema(required: ["id", "text"], optional: ["field", "level", "base"])

    static let addition = FrontMatterSchema(required: ["key_area"], optional: [])
}
