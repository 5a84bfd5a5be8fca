import CNFTables
import Glibc
import RelaisCore
import Synchronization

/// Adds the kernel's IPv6 neighbours (netlink `RTM_GETNEIGH`, `/proc` has no IPv6 table) to a table that
/// answers the IPv4 look-ups (`ProcNetARPNeighbourTable`).
///
/// The IPv6 neighbours of the LAN interface are dumped at most once per `refreshInterval` and kept by
/// device, so a sweep asking for thousands of devices costs one dump. The socket is opened for each dump,
/// in the network namespace of the calling thread.
public final class NetlinkNeighbourTable: NeighbourTable {
    private struct Cache {
        var byDevice: [MACAddress: [IPAddress]] = [:]
        var readAt: ContinuousClock.Instant?
    }

    private let primary: any NeighbourTable
    private let interface: String?
    private let refreshInterval: Duration
    private let cache = Mutex(Cache())

    /// - Parameters:
    ///   - primary: answers `macAddress(for:)`.
    ///   - interface: only neighbours on this device (the LAN interface) count; nil for all.
    public init(primary: any NeighbourTable, interface: String?, refreshInterval: Duration = .seconds(1)) {
        self.primary = primary
        self.interface = interface
        self.refreshInterval = refreshInterval
    }

    public func macAddress(for ipAddress: IPAddress) -> MACAddress? {
        primary.macAddress(for: ipAddress)
    }

    /// A failed dump answers empty lists until the next one: the legal log then lacks IPv6 addresses
    /// rather than the portal failing.
    public func ipv6Addresses(of mac: MACAddress) -> [IPAddress] {
        cache.withLock { cache in
            let now = ContinuousClock.now
            if cache.readAt.map({ now - $0 >= refreshInterval }) ?? true {
                cache.byDevice = (try? Self.dump(interface: interface)) ?? [:]
                cache.readAt = now
            }
            return cache.byDevice[mac] ?? []
        }
    }

    /// The global IPv6 neighbours in a usable state, by device, each device's addresses sorted.
    static func dump(interface: String?) throws(FirewallError) -> [MACAddress: [IPAddress]] {
        var index: Int32?
        if let interface {
            let found = if_nametoindex(interface)
            guard found != 0 else { return [:] }
            index = Int32(bitPattern: found)
        }
        var byDevice: [MACAddress: Set<IPAddress>] = [:]
        for entry in try NetlinkRouteSocket.dump(NetlinkNeighbourMessages.dumpRequest(family: UInt8(AF_INET6), sequence: 1))
        where index == nil || entry.interfaceIndex == index {
            guard entry.state & NetlinkNeighbourMessages.usableStates != 0, isGlobal(entry.address) else { continue }
            byDevice[entry.mac, default: []].insert(entry.address)
        }
        return byDevice.mapValues { $0.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) } }
    }

    /// Not link-local (fe80::/10), multicast (ff00::/8), unspecified or loopback.
    static func isGlobal(_ address: IPAddress) -> Bool {
        guard address.bytes.count == 16 else { return false }
        let first = address.bytes[0], second = address.bytes[1]
        if first == 0xFE && second & 0xC0 == 0x80 { return false }
        if first == 0xFF { return false }
        return address.bytes[0..<15].contains { $0 != 0 }
    }
}

/// One rtnetlink dump over a socket opened for it.
enum NetlinkRouteSocket {
    static func dump(_ request: [UInt8]) throws(FirewallError) -> [NetlinkNeighbourMessages.Entry] {
        let socketFD = Glibc.socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0 /* NETLINK_ROUTE */)
        guard socketFD >= 0 else { throw failure("socket", errno) }
        defer { close(socketFD) }
        // No address: an unconnected netlink socket sends to the kernel.
        guard request.withUnsafeBytes({ send(socketFD, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw failure("send", errno)
        }
        var entries: [NetlinkNeighbourMessages.Entry] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw failure("recv", count < 0 ? errno : EIO) }
            switch NetlinkNeighbourMessages.parse(Array(buffer[0..<count])) {
            case .entries(let more, let done):
                entries += more
                if done { return entries }
            case .failed(let code): throw failure("dump", code)
            }
        }
    }

    private static func failure(_ step: String, _ code: Int32) -> FirewallError {
        FirewallError(code: "neighbours", message: "netlink \(step) failed: \(String(cString: strerror(code)))")
    }
}
