import Testing
@testable import StrategyPipeline

/// A council's record key is HMAC-SHA256 of its council key under the store's secret, cut to 32 bits:
/// worked out here again with Python's hmac module, and different under another secret, so nobody
/// without the store can work a key out from a council's name.
@Suite struct RecordKeysTests {
    @Test func aKeyIsTheFirst32BitsOfTheHMACOfTheCouncilKey() {
        // python3 -c "import hmac,hashlib; print(int.from_bytes(hmac.new(bytes([1])*32,
        //   b'riverside district council', hashlib.sha256).digest()[:4], 'big'))"
        #expect(RecordKeys(secret: Array(repeating: 1, count: 32)).of("riverside district council") == 829_146_286)
        #expect(RecordKeys(secret: Array(repeating: 2, count: 32)).of("riverside district council") == 2_627_124_481)
    }

    @Test func anEmptyCellsKeyIsTheStoresToo() {
        // python3 -c "import hmac,hashlib; print(int.from_bytes(hmac.new(bytes([1])*32, b'\\x00empty cell',
        //   hashlib.sha256).digest()[:4], 'big'))"
        #expect(RecordKeys(secret: Array(repeating: 1, count: 32)).emptyCell == 3_898_107_664)
        #expect(RecordKeys(secret: Array(repeating: 2, count: 32)).emptyCell == 1_175_001_589)
    }

    @Test func theSameCouncilHasTheSameKeyAndAnotherCouncilAnother() {
        let keys = RecordKeys(secret: Array(0..<32))
        #expect(keys.of("riverside district council") == keys.of("riverside district council"))
        #expect(keys.of("riverside district council") != keys.of("northfield borough council"))
    }
}
