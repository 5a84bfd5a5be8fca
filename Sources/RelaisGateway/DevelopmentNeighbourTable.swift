import RelaisCore

/// For `firewall = "none"` only: devices the kernel's neighbour table does not know (loopback, in
/// development) get a locally administered address derived from their IPv4 address (`02:00:a:b:c:d`),
/// so the whole portal flow can be tried on one machine. Never used when the firewall is enforced.
public struct DevelopmentNeighbourTable: NeighbourTable {
    private let primary: any NeighbourTable

    public init(primary: any NeighbourTable) {
        self.primary = primary
    }

    public func macAddress(for ipAddress: IPAddress) -> MACAddress? {
        if let known = primary.macAddress(for: ipAddress) { return known }
        let address = ipAddress.normalized
        guard address.isIPv4 else { return nil }
        let value = address.bytes.reduce(UInt64(0x0200)) { $0 << 8 | UInt64($1) }
        return MACAddress(rawValue: value)
    }
}
