import Foundation

/// Counts wrong tokens per client address: after `limit` wrong guesses within `window`, the address is
/// refused (HTTP 429) until the oldest of them is older than the window. A right token does not clear
/// the count, so guessing cannot be mixed with a known link to reset it. Kept in memory: a restart
/// forgets it, which gives a guesser one more window, not a way in (a token has 256 random bits).
public actor GuessLimiter {
    public let limit: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 10, window: TimeInterval = 15 * 60) {
        (self.limit, self.window) = (limit, window)
    }

    /// How many seconds `address` must wait before it may try again, or nil when it may now.
    public func retryAfter(_ address: String, now: Date) -> Int? {
        let recent = prune(address, now: now)
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }

    /// A wrong guess from `address`.
    public func failed(_ address: String, now: Date) {
        var recent = prune(address, now: now)
        recent.append(now)
        failures[address] = recent
        if failures.count > 100_000 { failures = failures.filter { !$0.value.isEmpty } }
    }

    private func prune(_ address: String, now: Date) -> [Date] {
        let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[address] = recent.isEmpty ? nil : recent
        return recent
    }
}
