/// An Ethernet hardware address (EUI-48), the key under which a device is authorized.
public struct MACAddress: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The six octets packed into the low 48 bits.
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue & 0xFFFF_FFFF_FFFF
    }

    /// Parses `aa:bb:cc:dd:ee:ff` or `aa-bb-cc-dd-ee-ff` (any case); nil for anything else.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 17 else { return nil }
        var value: UInt64 = 0
        for index in 0..<6 {
            let base = index * 3
            if index > 0 {
                let separator = utf8[base - 1]
                guard separator == UInt8(ascii: ":") || separator == UInt8(ascii: "-") else { return nil }
            }
            guard let high = Self.nibble(utf8[base]), let low = Self.nibble(utf8[base + 1]) else { return nil }
            value = value << 8 | UInt64(high << 4 | low)
        }
        self.rawValue = value
    }

    /// The octets in transmission order.
    public var octets: [UInt8] {
        (0..<6).map { UInt8(truncatingIfNeeded: rawValue >> UInt64(40 - 8 * $0)) }
    }

    /// True for group (multicast/broadcast) addresses, which are never a single device.
    public var isMulticast: Bool { octets[0] & 0x01 != 0 }

    /// True when the address was set locally, as randomized ("private") addresses are.
    public var isLocallyAdministered: Bool { octets[0] & 0x02 != 0 }

    /// Lower-case, colon-separated: the form nftables and `/proc/net/arp` use.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(17)
        for (index, octet) in octets.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ":")) }
            out.append(digits[Int(octet >> 4)])
            out.append(digits[Int(octet & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (lhs: MACAddress, rhs: MACAddress) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = MACAddress(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a MAC address: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
