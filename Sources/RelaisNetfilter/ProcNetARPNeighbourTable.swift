#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import FoundationEssentials
#endif
import RelaisCore
import Synchronization

/// The `NeighbourTable` read from `/proc/net/arp` (IPv4 only), cached in memory.
///
/// A lookup is answered from the cache while the cache is younger than `refreshInterval`; an older cache is
/// read again first. So a miss is looked up afresh at most once per interval, and a flood of unknown
/// addresses cannot turn into one file read per request.
public final class ProcNetARPNeighbourTable: NeighbourTable {
    private struct Cache {
        var entries: [String: MACAddress] = [:]
        var readAt: ContinuousClock.Instant?
    }

    private let path: String
    private let interface: String?
    private let refreshInterval: Duration
    private let cache = Mutex(Cache())

    /// - Parameters:
    ///   - interface: only entries of this device (the LAN interface) count; nil for all.
    ///   - refreshInterval: the least time between two reads of the file.
    // /proc/self/net: the same per-namespace table, still visible under systemd's ProcSubset=pid.
    public init(path: String = "/proc/self/net/arp", interface: String? = nil, refreshInterval: Duration = .milliseconds(200)) {
        self.path = path
        self.interface = interface
        self.refreshInterval = refreshInterval
    }

    public func macAddress(for ipAddress: IPAddress) -> MACAddress? {
        // Dual-stack servers see IPv4 clients as `::ffff:a.b.c.d`; the file lists dotted quads.
        let key = ipAddress.normalized.description
        return cache.withLock { cache in
            let now = ContinuousClock.now
            let fresh = cache.readAt.map { now - $0 < refreshInterval } ?? false
            if fresh, let mac = cache.entries[key] { return mac }
            // Stale, or a miss: re-read unless the file was read within the interval.
            if !fresh {
                cache.entries = read()
                cache.readAt = now
            }
            return cache.entries[key]
        }
    }

    /// An unreadable file is an empty table: the portal then refuses the visitor instead of failing.
    private func read() -> [String: MACAddress] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return ProcNetARPParser.parse(String(decoding: data, as: UTF8.self), interface: interface)
    }
}
