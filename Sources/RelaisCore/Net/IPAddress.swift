/// An IPv4 or IPv6 address parsed from its text form, without the C library (no zone, no brackets).
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// Network byte order: 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// nil unless `bytes` holds 4 or 16 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses dotted-quad IPv4 or any RFC 4291 IPv6 text form; nil for anything else.
    public init?(_ text: some StringProtocol) {
        if let v4 = Self.parseIPv4(Substring(text)) {
            bytes = v4
        } else if let v6 = Self.parseIPv6(Substring(text)) {
            bytes = v6
        } else {
            return nil
        }
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// The address a dual-stack socket reports for an IPv4 peer (`::ffff:a.b.c.d`, RFC 4291 2.5.5.2) as
    /// plain IPv4; any other address unchanged. Device look-ups and records use this form, so one device
    /// has one address whether the portal listens on `0.0.0.0` or `::`.
    public var normalized: IPAddress {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF,
              let v4 = IPAddress(bytes: Array(bytes[12...])) else { return self }
        return v4
    }

    /// 32 or 128.
    public var bitWidth: Int { bytes.count * 8 }

    /// Dotted quad, or RFC 5952 canonical IPv6 (lower case, longest zero run as `::`).
    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var bestStart = -1, bestLength = 0, index = 0
        while index < 8 {
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > bestLength { (bestStart, bestLength) = (index, end - index) }
            index = max(end, index + 1)
        }
        let hex = { (range: Range<Int>) in groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
        guard bestLength >= 2 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }

    /// Four decimal octets without leading zeros (which some tools would read as octal).
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ ("0"..."9").contains($0) }),
                  part.count == 1 || part.first != "0", let octet = UInt8(part) else { return nil }
            octets.append(octet)
        }
        return octets
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        var groups: [UInt16]
        if let gap = text.firstRange(of: "::") {
            let head = text[..<gap.lowerBound], tail = text[gap.upperBound...]
            guard !tail.contains("::"), let left = parseGroups(head, allowIPv4Tail: false),
                  let right = parseGroups(tail, allowIPv4Tail: true), left.count + right.count <= 7 else { return nil }
            groups = left + Array(repeating: 0, count: 8 - left.count - right.count) + right
        } else {
            guard let all = parseGroups(text, allowIPv4Tail: true), all.count == 8 else { return nil }
            groups = all
        }
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// Colon-separated groups of 1–4 hex digits; the last may be a dotted quad (two groups).
    static func parseGroups(_ text: Substring, allowIPv4Tail: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if allowIPv4Tail, index == pieces.count - 1, piece.contains(".") {
                guard let quad = parseIPv4(piece) else { return nil }
                groups += [UInt16(quad[0]) << 8 | UInt16(quad[1]), UInt16(quad[2]) << 8 | UInt16(quad[3])]
                continue
            }
            guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let group = UInt16(piece, radix: 16) else {
                return nil
            }
            groups.append(group)
        }
        return groups
    }
}
