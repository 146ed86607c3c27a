/// What the tests read out of a page's form as a browser would send it back.
public enum HTMLForm {
    /// The value of the hidden field `name` (`<input type="hidden" name="csrf" value="…">`), or nil.
    public static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
}
