/// How the public address's source ports are cut into equal blocks, one per connected device.
///
/// Blocks run from `firstPort` upwards, `portsPerDevice` ports each; the ports left above the last whole
/// block are never used. Pure arithmetic: the store leases block indexes, the firewall maps them to ranges.
public struct PortBlockPlan: Sendable, Hashable {
    /// The uplink's public IPv4 address.
    public let publicAddress: IPAddress
    public let firstPort: Int
    public let portsPerDevice: Int

    /// Ports below 1024 are the well-known ones the box's own services may use.
    public static let defaultFirstPort = 1024

    /// How long a freed block rests before another device gets it, when a rested one is free. A server
    /// keeps the (address, port) pairs of closed connections in TIME_WAIT (60 s on Linux, up to 4 min:
    /// twice RFC 793's 2-minute MSL) and drops a new SYN from the same pair: the next device would
    /// wait a second on its first connections (measured in the benchmark). The rest also keeps two
    /// devices' uses of a block minutes apart in the legal log. It never refuses a device: when every free
    /// block is resting, the one freed longest ago is given.
    public static let reuseHoldDownSeconds = 240

    /// 256 ports per device: 252 blocks from port 1024, enough for the few hundred devices of a busy town
    /// hall. Linux reuses one public port for different destinations, so a block limits only the flows of
    /// one device to one destination at once (a browser keeps at most 6 per host), not its total flows.
    /// Lower it (128: 504 devices, 64: 1,008) where more devices connect at once.
    public static let defaultPortsPerDevice = 256

    /// Highest port number.
    public static let lastPort = 65_535

    /// nil unless the address is IPv4 and at least one whole block fits between `firstPort` and 65535.
    public init?(publicAddress: IPAddress, firstPort: Int = defaultFirstPort, portsPerDevice: Int = defaultPortsPerDevice) {
        guard publicAddress.isIPv4, (1...Self.lastPort).contains(firstPort), portsPerDevice >= 1,
              Self.lastPort - firstPort + 1 >= portsPerDevice else { return nil }
        self.publicAddress = publicAddress
        self.firstPort = firstPort
        self.portsPerDevice = portsPerDevice
    }

    /// Whole blocks that fit: the most devices connected at once through this plan.
    public var blockCount: Int { (Self.lastPort - firstPort + 1) / portsPerDevice }

    /// The block at `index`, or nil outside `0..<blockCount`.
    public func block(at index: Int) -> PortBlock? {
        guard (0..<blockCount).contains(index) else { return nil }
        let first = firstPort + index * portsPerDevice
        return PortBlock(publicAddress: publicAddress, firstPort: first, lastPort: first + portsPerDevice - 1, index: index)
    }

    /// The index of the block that is exactly `ports`, or nil when no block of this plan is.
    public func index(of ports: ClosedRange<Int>) -> Int? {
        guard let index = blockIndex(containing: ports.lowerBound), let block = block(at: index),
              block.ports == ports else { return nil }
        return index
    }

    /// The block holding `port` (a port seen on the public side), or nil when no block does.
    public func block(containing port: Int) -> PortBlock? {
        blockIndex(containing: port).flatMap(block(at:))
    }

    private func blockIndex(containing port: Int) -> Int? {
        guard port >= firstPort else { return nil }
        let index = (port - firstPort) / portsPerDevice
        return index < blockCount ? index : nil
    }
}
