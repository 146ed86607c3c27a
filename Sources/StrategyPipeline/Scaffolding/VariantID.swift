import StrategyModel

/// A short id for a variant, from the name of the organisation it is for. Every id the variant adds starts
/// with it, so "London Borough of Camden" proposes `camden`, not `london-borough-of-camden`: the words that
/// only say what kind of organisation it is are left out, unless nothing else is left.
public enum VariantID {
    static let kindWords: Set<String> = [
        "the", "of", "and", "council", "borough", "district", "county", "city", "metropolitan", "london", "royal",
        "combined", "authority", "unitary", "town", "parish", "region", "regional", "procurement", "strategy",
    ]

    public static func proposed(for audience: String) -> String {
        let slug = Slug.make(from: audience)
        let words = slug.split(separator: "-").filter { !kindWords.contains(String($0)) }
        return words.isEmpty ? slug : words.joined(separator: "-")
    }
}
