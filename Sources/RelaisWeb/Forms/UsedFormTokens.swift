import FoundationEssentials
import Synchronization

/// Nonces of form tokens already spent, so that each form is accepted once. Entries leave only when
/// their token has expired (earliest expiry first); a spent token is therefore refused for as long as
/// it is valid. The registry is bounded by design: at most `capacity` entries, at most
/// `perClientLimit` of them for one client. When either bound is reached, spending (and issuing new
/// forms) is refused until entries expire — never by forgetting a live entry.
public final class UsedFormTokens: Sendable {
    /// What became of a token sent back.
    public enum Outcome: Sendable, Equatable {
        case accepted
        /// Already spent.
        case reused
        /// The registry is full of unexpired entries: try again later (503).
        case full
        /// This client spent too many forms recently (429).
        case clientLimit
    }

    private struct State {
        var spent: [[UInt8]: String] = [:]
        /// Min-heap on expiry of the spent entries.
        var expiries = ExpiryHeap()
        var perClient: [String: Int] = [:]

        mutating func prune(now: Date) {
            while let soonest = expiries.peek, soonest.expiresAt <= now {
                expiries.pop()
                guard let client = spent.removeValue(forKey: soonest.nonce) else { continue }
                let left = (perClient[client] ?? 1) - 1
                perClient[client] = left > 0 ? left : nil
            }
        }
    }

    private let state = Mutex(State())
    public let capacity: Int
    /// A person posts a few forms in a token's lifetime; a device looping on the forms (or the
    /// accessibility walk, a few hundred posts from one address) stays well under the default.
    public let perClientLimit: Int

    public init(capacity: Int = 10_000, perClientLimit: Int = 1_000) {
        self.capacity = max(1, capacity)
        self.perClientLimit = max(1, perClientLimit)
    }

    /// Marks the nonce spent by `client`, unless it already was or a bound is reached.
    public func consume(nonce: [UInt8], client: String, expiresAt: Date, now: Date) -> Outcome {
        state.withLock { state in
            state.prune(now: now)
            if state.spent[nonce] != nil { return .reused }
            if state.spent.count >= capacity { return .full }
            if state.perClient[client, default: 0] >= perClientLimit { return .clientLimit }
            state.spent[nonce] = client
            state.expiries.push(expiresAt: expiresAt, nonce: nonce)
            state.perClient[client, default: 0] += 1
            return .accepted
        }
    }

    /// Whether a new form for `client` could be spent now: `.accepted` when there is room, else the
    /// bound that is reached. Checked before a form is issued, so that a visitor is told to wait
    /// instead of filling in a form that would be refused.
    public func room(for client: String, now: Date) -> Outcome {
        state.withLock { state in
            state.prune(now: now)
            if state.spent.count >= capacity { return .full }
            if state.perClient[client, default: 0] >= perClientLimit { return .clientLimit }
            return .accepted
        }
    }

    /// How many nonces are held now.
    public var count: Int { state.withLock { $0.spent.count } }
}
