import FoundationEssentials
import RelaisCore
import Synchronization

/// The keyed hashes of remembered devices and their expiry, readable at once from any thread: the
/// portal asks it on every redirected request before going to the store. Only the `Gateway` writes it.
public final class RememberedDevices: Sendable {
    private let devices = Mutex(Entries())

    private struct Entries {
        var byHash: [DeviceHash: Date] = [:]
        /// Entries after the last pruning: expired ones are dropped whenever the table doubles, so that
        /// it stays bounded by the consents alive, whatever the store's purge does.
        var prunedCount = 0
    }

    public init() {}

    /// Whether `hash` is remembered and unexpired at `now`.
    public func contains(_ hash: DeviceHash, at now: Date) -> Bool {
        devices.withLock { $0.byHash[hash].map { now < $0 } ?? false }
    }

    public var count: Int { devices.withLock(\.byHash.count) }

    func replaceAll(_ all: [DeviceHash: Date]) {
        devices.withLock { $0 = Entries(byHash: all, prunedCount: all.count) }
    }

    func insert(_ hash: DeviceHash, expiresAt: Date, now: Date) {
        devices.withLock { entries in
            entries.byHash[hash] = expiresAt
            guard entries.byHash.count >= max(1024, 2 * entries.prunedCount) else { return }
            entries.byHash = entries.byHash.filter { now < $0.value }
            entries.prunedCount = entries.byHash.count
        }
    }

    func remove(_ hash: DeviceHash) {
        devices.withLock { _ = $0.byHash.removeValue(forKey: hash) }
    }
}
