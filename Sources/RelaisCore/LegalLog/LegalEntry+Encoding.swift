import struct FoundationEssentials.Date

/// The canonical serialization of an entry, which is what gets sealed: a version byte, then fixed-width
/// fields in network byte order. Binary rather than JSON: about 40 bytes instead of 250, decoded without
/// a parser, and one entry has exactly one encoding (the tests compare bytes).
///
/// Version 1: `01`, MAC (6), NAT mode (1: 0 none, 1 port-blocks), start ms (8, signed), flags (1:
/// bit 0 private IPv4, bit 1 public address, bit 2 port range, bit 3 end), [IPv4 (4)],
/// [public address length (1: 4 or 16) + bytes], [first port (2) + last port (2)],
/// [end ms (8) + reason length (1) + reason UTF-8], IPv6 count (1) + 16 bytes each.
extension LegalEntry {
    static let encodingVersion: UInt8 = 1
    /// More than enough for one device in one session; a bound keeps a decoded count from allocating wildly.
    public static let maxIPv6Addresses = 64

    public func encoded() -> [UInt8] {
        var out: [UInt8] = [Self.encodingVersion]
        out += mac.octets
        out.append(natMode == .portBlocks ? 1 : 0)
        out += Self.bigEndian(startedAt.legalMilliseconds)
        var flags: UInt8 = 0
        if privateIPv4 != nil { flags |= 1 }
        if publicAddress != nil { flags |= 2 }
        if portRange != nil { flags |= 4 }
        if endedAt != nil, endReason != nil { flags |= 8 }
        out.append(flags)
        if let privateIPv4 { out += privateIPv4.bytes }
        if let publicAddress { out.append(UInt8(publicAddress.bytes.count)); out += publicAddress.bytes }
        if let portRange {
            out += [UInt8(portRange.lowerBound >> 8), UInt8(portRange.lowerBound & 0xFF)]
            out += [UInt8(portRange.upperBound >> 8), UInt8(portRange.upperBound & 0xFF)]
        }
        if let endedAt, let endReason {
            out += Self.bigEndian(endedAt.legalMilliseconds)
            let reason = Array(endReason.rawValue.utf8)
            out.append(UInt8(reason.count))
            out += reason
        }
        let v6 = ipv6Addresses.prefix(Self.maxIPv6Addresses)
        out.append(UInt8(v6.count))
        for address in v6 { out += address.bytes }
        return out
    }

    /// Decodes what ``encoded()`` produced; anything else is a ``LegalEntryDecodingError``.
    public init(encoded bytes: [UInt8]) throws(LegalEntryDecodingError) {
        var reader = ByteReader(bytes: bytes)
        guard try reader.byte() == Self.encodingVersion else { throw LegalEntryDecodingError.unknownVersion }
        let mac = MACAddress(rawValue: try reader.bytes(6).reduce(0) { $0 << 8 | UInt64($1) })
        let natMode: LegalNATMode
        switch try reader.byte() {
        case 0: natMode = .none
        case 1: natMode = .portBlocks
        default: throw LegalEntryDecodingError.malformed("nat mode")
        }
        let start = try reader.int64()
        let flags = try reader.byte()
        guard flags & ~0x0F == 0 else { throw LegalEntryDecodingError.malformed("flags") }
        let v4 = flags & 1 != 0 ? IPAddress(bytes: try reader.bytes(4)) : nil
        var publicAddress: IPAddress?
        if flags & 2 != 0 {
            let length = Int(try reader.byte())
            guard length == 4 || length == 16 else { throw LegalEntryDecodingError.malformed("public address") }
            publicAddress = IPAddress(bytes: try reader.bytes(length))
        }
        var portRange: ClosedRange<UInt16>?
        if flags & 4 != 0 {
            let first = try reader.uint16(), last = try reader.uint16()
            guard first <= last else { throw LegalEntryDecodingError.malformed("port range") }
            portRange = first...last
        }
        var end: (Date, SessionEndReason)?
        if flags & 8 != 0 {
            let endMs = try reader.int64()
            let text = String(decoding: try reader.bytes(Int(try reader.byte())), as: UTF8.self)
            guard let reason = SessionEndReason(rawValue: text) else { throw LegalEntryDecodingError.malformed("end reason") }
            end = (Date(legalMilliseconds: endMs), reason)
        }
        let count = Int(try reader.byte())
        guard count <= Self.maxIPv6Addresses else { throw LegalEntryDecodingError.malformed("ipv6 count") }
        var v6: [IPAddress] = []
        for _ in 0..<count {
            guard let address = IPAddress(bytes: try reader.bytes(16)) else { throw LegalEntryDecodingError.malformed("ipv6") }
            v6.append(address)
        }
        guard reader.isAtEnd else { throw LegalEntryDecodingError.malformed("trailing bytes") }
        self.init(
            mac: mac, privateIPv4: v4, ipv6Addresses: v6, publicAddress: publicAddress, portRange: portRange,
            natMode: natMode, startedAt: Date(legalMilliseconds: start), endedAt: end?.0, endReason: end?.1)
    }

    static func bigEndian(_ value: Int64) -> [UInt8] {
        let bits = UInt64(bitPattern: value)
        return (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) }
    }
}

/// A sealed entry that opened but whose bytes are not an entry of a known version.
public enum LegalEntryDecodingError: Error, Sendable, Equatable {
    case unknownVersion
    case truncated
    case malformed(String)
}

/// Reads fixed-width fields off a byte array, throwing at the end instead of trapping.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(LegalEntryDecodingError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw .truncated }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func byte() throws(LegalEntryDecodingError) -> UInt8 { try bytes(1)[0] }

    mutating func uint16() throws(LegalEntryDecodingError) -> UInt16 {
        let pair = try bytes(2)
        return UInt16(pair[0]) << 8 | UInt16(pair[1])
    }

    mutating func int64() throws(LegalEntryDecodingError) -> Int64 {
        Int64(bitPattern: try bytes(8).reduce(0) { $0 << 8 | UInt64($1) })
    }
}

extension Date {
    /// Whole milliseconds since 1970 (UTC), the precision the store keeps.
    public var legalMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    public init(legalMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(legalMilliseconds) / 1000)
    }
}
