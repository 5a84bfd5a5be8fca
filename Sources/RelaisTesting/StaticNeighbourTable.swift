import RelaisCore
import Synchronization

/// A neighbour table filled by the test.
public final class StaticNeighbourTable: NeighbourTable {
    private let entries: Mutex<[IPAddress: MACAddress]>

    public init(_ entries: [IPAddress: MACAddress] = [:]) {
        self.entries = Mutex(entries)
    }

    public func set(_ ipAddress: IPAddress, _ mac: MACAddress?) {
        entries.withLock { $0[ipAddress] = mac }
    }

    public func macAddress(for ipAddress: IPAddress) -> MACAddress? {
        entries.withLock { $0[ipAddress.normalized] }
    }
}
