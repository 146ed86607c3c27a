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

    static let theme = FrontMatterSchema(required: ["id", "title", "order", "kind"], optional: [])

    static let keyArea = FrontMatterSchema(
        required: ["id", "title", "theme", "order", "status", "since"],
        optional: ["retired_in", "replaced_by"]
    )
}
