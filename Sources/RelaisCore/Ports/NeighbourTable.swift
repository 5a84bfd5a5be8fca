/// Maps a LAN IP address to the hardware address of the device using it (ARP / NDP).
public protocol NeighbourTable: Sendable {
    /// The device's hardware address, or nil when the neighbour table does not know the address.
    /// An IPv4-mapped IPv6 address is looked up as the IPv4 address it maps.
    func macAddress(for ipAddress: IPAddress) -> MACAddress?
    /// The IPv6 addresses the kernel's neighbour table holds for this device (NDP), for its log entry.
    func ipv6Addresses(of mac: MACAddress) -> [IPAddress]
}

extension NeighbourTable {
    /// Tables that know only IPv4 (ARP) have none to tell.
    public func ipv6Addresses(of mac: MACAddress) -> [IPAddress] { [] }
}
