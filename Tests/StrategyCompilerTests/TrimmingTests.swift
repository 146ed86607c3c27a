import Foundation
import StrategyModel
import Testing
import StrategySupport

/// The native trims give exactly what Foundation's `trimmingCharacters(in:)` gives for the same sets.
@Suite struct TrimmingTests {
    static let samples = [
        "", " ", "\t\n", "plain", "  both  ", "\u{00A0}nbsp\u{2003}", "\n\r\nlines\r\n", "\u{2028}sep\u{2029}",
        "\u{85}next\u{85}", "é\u{301} ", " \u{1F600} ", "\u{200B}zero width\u{200B}", "a\n b\n", "\u{3000}ideo\u{3000}",
        "\u{0B}\u{0C}vt ff\u{0C}",
    ]

    @Test(arguments: samples)
    func matchesFoundation(_ text: String) {
        #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingSpacesAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        let sub = Substring(text)
        #expect(sub.trimmingSpaces() == sub.trimmingCharacters(in: .whitespaces))
    }
}
