/// Maps a LAN IP address to the hardware address of the device using it (ARP / NDP).
public protocol NeighbourTable: Sendable {
    /// The device's hardware address, or nil when the neighbour table does not know the address.
    /// An IPv4-mapped IPv6 address is looked up as the IPv4 address it maps.
    func macAddress(for ipAddress: IPAddress) -> MACAddress?

    /// The global IPv6 addresses the kernel's neighbour table holds for this device now (NDP), for the
    /// legal log to record the addresses a device used; link-local ones are left out (they never leave the LAN).
    func ipv6Addresses(of mac: MACAddress) -> [IPAddress]
}

extension NeighbourTable {
    /// Tables that know no IPv6 neighbours.
    public func ipv6Addresses(of mac: MACAddress) -> [IPAddress] { [] }
}
