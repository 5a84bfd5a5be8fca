import FoundationEssentials
import Synchronization

/// Nonces of form tokens already spent, so that each form is accepted once. Entries leave when
/// their token expires; the registry never holds more than `capacity` of them.
public final class UsedFormTokens: Sendable {
    private let spent = Mutex<[[UInt8]: Date]>([:])
    public let capacity: Int

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// Marks the nonce spent; false when it already was. When full even after pruning, the entry
    /// closest to expiry is dropped: a token reused late is a harmless repeat (it stays bound to
    /// its device and expiry), while refusing new visitors would not be.
    public func consume(nonce: [UInt8], expiresAt: Date, now: Date) -> Bool {
        spent.withLock { spent in
            if spent[nonce] != nil { return false }
            if spent.count >= capacity {
                spent = spent.filter { $0.value > now }
                if spent.count >= capacity, let soonest = spent.min(by: { $0.value < $1.value }) {
                    spent.removeValue(forKey: soonest.key)
                }
            }
            spent[nonce] = expiresAt
            return true
        }
    }

    /// How many nonces are held now.
    public var count: Int { spent.withLock { $0.count } }
}
