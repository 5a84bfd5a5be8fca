import RelaisCore
import Synchronization

/// A neighbour table filled by the test.
public final class StaticNeighbourTable: NeighbourTable {
    private let entries: Mutex<[String: MACAddress]>

    public init(_ entries: [String: MACAddress] = [:]) {
        self.entries = Mutex(entries)
    }

    public func set(_ ipAddress: String, _ mac: MACAddress?) {
        entries.withLock { $0[ipAddress] = mac }
    }

    public func macAddress(for ipAddress: String) -> MACAddress? {
        entries.withLock { $0[ipAddress] }
    }
}
