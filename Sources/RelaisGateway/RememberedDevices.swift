import FoundationEssentials
import RelaisCore
import Synchronization

/// The keyed hashes of remembered devices and their expiry, readable at once from any thread: the
/// portal asks it on every redirected request before going to the store. Only the `Gateway` writes it.
public final class RememberedDevices: Sendable {
    private let devices = Mutex<[DeviceHash: Date]>([:])

    public init() {}

    /// Whether `hash` is remembered and unexpired at `now`.
    public func contains(_ hash: DeviceHash, at now: Date) -> Bool {
        devices.withLock { $0[hash].map { now < $0 } ?? false }
    }

    public var count: Int { devices.withLock(\.count) }

    func replaceAll(_ all: [DeviceHash: Date]) {
        devices.withLock { $0 = all }
    }

    func insert(_ hash: DeviceHash, expiresAt: Date) {
        devices.withLock { $0[hash] = expiresAt }
    }

    func remove(_ hash: DeviceHash) {
        devices.withLock { _ = $0.removeValue(forKey: hash) }
    }
}
