/// Excel column letters: 0 → A, 25 → Z, 26 → AA. Shared by the workbook writer and by diagnostics placed
/// at a cell.
public func columnLetter(_ index: Int) -> String {
    var index = index
    var letters = ""
    repeat {
        letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
        index = index / 26 - 1
    } while index >= 0
    return letters
}

/// A column's number from its letters: A is 1, Z is 26, AA is 27 (the inverse of `columnLetter`, 1-based as
/// cell locations are).
public func columnNumber(_ letters: String) -> Int {
    letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
}
