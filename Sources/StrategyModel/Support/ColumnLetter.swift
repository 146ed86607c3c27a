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
