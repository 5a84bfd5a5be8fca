/// The source ports of the public address that one device's connections leave from, while its session lives
/// (deterministic NAT, after RFC 7422): who used (address, port) at a time is read from the session's block.
public struct PortBlock: Sendable, Hashable, CustomStringConvertible {
    /// The uplink's public IPv4 address.
    public var publicAddress: IPAddress
    public var firstPort: Int
    public var lastPort: Int
    /// Position of the block in its plan, from 0: what the store leases.
    public var index: Int

    public init(publicAddress: IPAddress, firstPort: Int, lastPort: Int, index: Int) {
        self.publicAddress = publicAddress
        self.firstPort = firstPort
        self.lastPort = lastPort
        self.index = index
    }

    public var ports: ClosedRange<Int> { firstPort...lastPort }

    public func contains(port: Int) -> Bool { ports.contains(port) }

    /// `198.51.100.1 1024-1279`, as nftables and the logs write it.
    public var description: String { "\(publicAddress) \(firstPort)-\(lastPort)" }
}
