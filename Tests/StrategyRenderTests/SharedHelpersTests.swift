import Foundation
import StrategyModel
import StrategyRender
import Testing
import StrategySupport

/// The helpers that have one home (issue 25): the escaper every hand-written page and chart uses, and the
/// one spelling of a digest.
@Suite struct SharedHelpersTests {
    /// All five characters that can end a text or an attribute are replaced, and nothing else is touched
    /// (letters beyond ASCII included).
    @Test func theEscaperReplacesTheFiveCharactersAndNothingElse() {
        #expect(HTMLEscaping.escape(#"<a href="x" title='y'>Tom & Jerry’s café</a>"#)
            == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry’s café&lt;/a&gt;")
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
        #expect(HTMLEscaping.escape("") == "")
    }

    /// The digest is sha256sum's: 64 lowercase hex digits, leading zeros kept.
    @Test func theDigestIsSha256sumsSpelling() {
        #expect(SHA256Hex.of(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.of(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // A digest whose first byte is below 16 keeps its leading zero.
        #expect(SHA256Hex.of(Data("strategyc 34".utf8)) == "09114fa34c9f891057d7d705f85db32f7d9fcb1e5a73b31abd65ffbb6af56642")
    }
}
