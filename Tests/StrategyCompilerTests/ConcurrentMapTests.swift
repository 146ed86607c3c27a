import Foundation
import StrategyModel
import Testing
import StrategySupport

/// `concurrentMap` spreads work over the cores; its results must be exactly `map`'s, in order.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 3, 1_000, 10_007])
    func sameAsMapInOrder(_ count: Int) {
        let values = Array(0..<count)
        // Uneven work, so that later elements often finish first.
        let work: (Int) -> String = { value in
            var text = ""
            for step in 0..<((count - value) % 17) { text += String(step) }
            return "\(value):\(text.count)"
        }
        #expect(values.concurrentMap(work) == values.map(work))
    }

    @Test func everyElementIsTransformedOnce() {
        let counter = Counter()
        let results = Array(0..<5_000).concurrentMap { value -> Int in
            counter.add()
            return value * 2
        }
        #expect(counter.value == 5_000)
        #expect(results.first == 0 && results.last == 9_998 && results.count == 5_000)
    }
}

private final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
