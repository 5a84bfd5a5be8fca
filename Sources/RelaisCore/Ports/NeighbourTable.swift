/// Maps a LAN IP address to the hardware address of the device using it (ARP / NDP).
public protocol NeighbourTable: Sendable {
    /// The device's hardware address, or nil when the neighbour table does not know the address.
    func macAddress(for ipAddress: String) -> MACAddress?
}
