import FoundationEssentials
import RelaisCore
import Synchronization

/// A token bucket per box: `burst` deliveries at once (a box back after weeks offline sends its backlog), then
/// `perSecond` on average. Only deliveries with a good signature count, so nobody can spend a box's budget.
public final class BoxRateLimiter: Sendable {
    public let burst: Double
    public let perSecond: Double
    private let buckets = Mutex<[BoxID: (tokens: Double, at: Date)]>([:])

    public init(burst: Int = 120, perSecond: Double = 1) {
        self.burst = Double(max(1, burst))
        self.perSecond = max(perSecond, 0.001)
    }

    /// Takes one token for `box` at `now`: nil when allowed, else the seconds to wait (at least 1).
    public func take(_ box: BoxID, now: Date) -> Int? {
        buckets.withLock { buckets in
            var (tokens, at) = buckets[box] ?? (burst, now)
            tokens = min(burst, tokens + max(0, now.timeIntervalSince(at)) * perSecond)
            guard tokens >= 1 else {
                buckets[box] = (tokens, now)
                return max(1, Int(((1 - tokens) / perSecond).rounded(.up)))
            }
            buckets[box] = (tokens - 1, now)
            return nil
        }
    }
}
