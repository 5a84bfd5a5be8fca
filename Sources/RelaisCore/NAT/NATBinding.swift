/// One device's IPv4 source NAT: its private address leaves from its block of public ports.
public struct NATBinding: Sendable, Hashable {
    /// The device's LAN IPv4 address.
    public var privateAddress: IPAddress
    public var block: PortBlock

    public init(privateAddress: IPAddress, block: PortBlock) {
        self.privateAddress = privateAddress.normalized
        self.block = block
    }

    /// The binding of an open session that holds a block and an IPv4 address; nil otherwise.
    public init?(session: Session) {
        guard let block = session.portBlock, let address = session.ipAddress?.normalized, address.isIPv4 else { return nil }
        self.init(privateAddress: address, block: block)
    }
}

/// The NAT part of the firewall's layout (NAT mode `port-blocks`).
public struct NATLayout: Sendable, Equatable {
    /// The interface towards the internet: visitors' IPv4 traffic leaving by it is translated.
    public var uplinkInterface: String

    public init(uplinkInterface: String) {
        self.uplinkInterface = uplinkInterface
    }
}
