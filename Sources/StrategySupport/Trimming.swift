/// Trimming without Foundation. `trimmingCharacters(in:)` bridges every string to NSString and back, which
/// was a sixth of the time `check` spends; these give the same results for the same character sets.
extension StringProtocol {
    /// Without leading and trailing tabs and spaces (Unicode space separators): `CharacterSet.whitespaces`.
    @inlinable
    public func trimmingSpaces() -> String { trimming(isSpace) }

    /// Without leading and trailing spaces, tabs and line breaks: `CharacterSet.whitespacesAndNewlines`.
    @inlinable
    public func trimmingSpacesAndNewlines() -> String {
        trimming { isSpace($0) || isNewline($0) }
    }

    // Inlinable, so that callers get it specialised for String and Substring: generic code across a module
    // boundary walks the scalars through witness tables, several times slower.
    @inlinable
    func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start, drop(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        // Scalar indices are string indices, so the slice is copied as UTF-8 bytes, not scalar by scalar.
        return String(self[start..<end])
    }
}

/// Tab, the space separators, and U+200B (zero-width space), which Foundation's set also holds.
@usableFromInline
func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t"
        || (scalar.value >= 0x80 && (scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator))
}

/// U+000A to U+000D, U+0085, U+2028 and U+2029, as `CharacterSet.newlines`.
@usableFromInline
func isNewline(_ scalar: Unicode.Scalar) -> Bool {
    (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
}
