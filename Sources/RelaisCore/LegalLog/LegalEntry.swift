import struct FoundationEssentials.Date

/// One entry of the legal connection log (CPCE R10-13): who held which addresses and ports, and when.
///
/// It holds exactly the data décret 2021-1362 asks of an access provider for one session, and nothing
/// else: never a destination, a name looked up or any content.
public struct LegalEntry: Sendable, Equatable {
    /// The device's hardware address.
    public var mac: MACAddress
    /// The private IPv4 address the device had on the LAN; nil for an operator's pre-authorization.
    public var privateIPv4: IPAddress?
    /// The IPv6 addresses the device used during the session, as the neighbour table saw them.
    public var ipv6Addresses: [IPAddress]
    /// The address the device's traffic left the box with; nil when the box does no NAT.
    public var publicAddress: IPAddress?
    /// The device's block of source ports on ``publicAddress``; nil without NAT.
    public var portRange: ClosedRange<UInt16>?
    public var natMode: LegalNATMode
    public var startedAt: Date
    public var endedAt: Date?
    public var endReason: SessionEndReason?

    public init(
        mac: MACAddress, privateIPv4: IPAddress?, ipv6Addresses: [IPAddress], publicAddress: IPAddress?,
        portRange: ClosedRange<UInt16>?, natMode: LegalNATMode, startedAt: Date, endedAt: Date? = nil,
        endReason: SessionEndReason? = nil
    ) {
        self.mac = mac
        self.privateIPv4 = privateIPv4?.normalized
        self.ipv6Addresses = Self.canonical(ipv6Addresses)
        self.publicAddress = publicAddress?.normalized
        self.portRange = portRange
        self.natMode = natMode
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
    }

    /// The entry of a session just admitted. The NAT part comes from the session's port block, when the
    /// box does the NAT (`natMode: .portBlocks`).
    public init(
        session: Session, natMode: LegalNATMode, publicAddress: IPAddress?, portRange: ClosedRange<UInt16>?,
        ipv6: [IPAddress] = []
    ) {
        let v4 = session.ipAddress.flatMap { $0.isIPv4 ? $0 : nil }
        let v6 = session.ipAddress.flatMap { $0.isIPv4 ? nil : $0 }
        self.init(
            mac: session.mac, privateIPv4: v4, ipv6Addresses: ipv6 + (v6.map { [$0] } ?? []),
            publicAddress: publicAddress, portRange: portRange, natMode: natMode,
            startedAt: session.startedAt, endedAt: session.endedAt, endReason: session.endReason)
    }

    /// The same entry closed: the end of its session, and every IPv6 address seen on the way.
    public func closed(at end: Date, reason: SessionEndReason, ipv6 seen: [IPAddress]) -> LegalEntry {
        var copy = self
        copy.endedAt = max(end, startedAt)
        copy.endReason = reason
        copy.ipv6Addresses = Self.canonical(ipv6Addresses + seen)
        return copy
    }

    /// IPv6 only, sorted and without duplicates, so that one set of addresses has one serialization.
    public static func canonical(_ addresses: [IPAddress]) -> [IPAddress] {
        Array(Set(addresses.map(\.normalized).filter { !$0.isIPv4 })).sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
}

/// Whether the box translated the device's addresses itself, which decides what the entry can prove.
public enum LegalNATMode: String, Sendable, Equatable, CaseIterable {
    /// The box gave the device a block of source ports on its public address (RFC 7422).
    case portBlocks = "port-blocks"
    /// The box only routes; the address translation, if any, happens elsewhere.
    case none
}
