import RelaisCore

/// Decodes the kernel's answer to an `RTM_GETNEIGH` dump (rtnetlink, `man 7 rtnetlink`): one `RTM_NEWNEIGH`
/// message per neighbour, each an `ndmsg` followed by attributes, among them the address (`NDA_DST`)
/// and the hardware address (`NDA_LLADDR`). Pure: bytes in, entries out, so that it is tested without a kernel.
enum NetlinkNeighbourMessages {
    /// One neighbour entry.
    struct Entry: Equatable {
        var interfaceIndex: Int32
        var address: IPAddress
        var mac: MACAddress
        /// `NUD_*` flags.
        var state: UInt16
    }

    static let headerLength = 16, neighbourLength = 12
    static let messageDone: UInt16 = 3, messageError: UInt16 = 2, newNeighbour: UInt16 = 28, getNeighbour: UInt16 = 30
    static let flagRequest: UInt16 = 0x1, flagDump: UInt16 = 0x300
    static let attributeDestination: UInt16 = 1, attributeLinkLayerAddress: UInt16 = 2
    /// States whose hardware address the kernel has confirmed, now or recently (REACHABLE, STALE, DELAY,
    /// PROBE, PERMANENT): not INCOMPLETE, FAILED or NOARP.
    static let usableStates: UInt16 = 0x02 | 0x04 | 0x08 | 0x10 | 0x80

    /// The request: a dump of the neighbours of one address family.
    static func dumpRequest(family: UInt8, sequence: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        append(UInt32(headerLength + neighbourLength), to: &bytes)
        append(getNeighbour, to: &bytes)
        append(flagRequest | flagDump, to: &bytes)
        append(sequence, to: &bytes)
        append(UInt32(0), to: &bytes)
        bytes += [family] + [UInt8](repeating: 0, count: neighbourLength - 1)
        return bytes
    }

    /// What one datagram of the answer holds.
    enum Part: Equatable {
        /// Entries; `done` when the datagram also ends the dump (the kernel may put the end with the last entries).
        case entries([Entry], done: Bool)
        /// The kernel refused the request with this errno.
        case failed(Int32)
    }

    /// Decodes one datagram; malformed messages are skipped, a truncated tail ends the datagram.
    static func parse(_ bytes: [UInt8]) -> Part {
        var entries: [Entry] = []
        var offset = 0
        while offset + headerLength <= bytes.count {
            let length = Int(read32(bytes, offset)), type = read16(bytes, offset + 4)
            guard length >= headerLength, offset + length <= bytes.count else { break }
            switch type {
            case messageDone: return .entries(entries, done: true)
            case messageError where length >= headerLength + 4:
                let code = Int32(bitPattern: read32(bytes, offset + headerLength))
                if code != 0 { return .failed(-code) }
            case newNeighbour:
                if let entry = entry(bytes, from: offset + headerLength, to: offset + length) { entries.append(entry) }
            default: break
            }
            offset += align(length)
        }
        return .entries(entries, done: false)
    }

    private static func entry(_ bytes: [UInt8], from start: Int, to end: Int) -> Entry? {
        guard start + neighbourLength <= end else { return nil }
        let interfaceIndex = Int32(bitPattern: read32(bytes, start + 4)), state = read16(bytes, start + 8)
        var address: IPAddress?, mac: MACAddress?
        var offset = start + neighbourLength
        while offset + 4 <= end {
            let length = Int(read16(bytes, offset)), type = read16(bytes, offset + 2)
            guard length >= 4, offset + length <= end else { break }
            let value = Array(bytes[(offset + 4)..<(offset + length)])
            if type == attributeDestination { address = IPAddress(bytes: value) }
            if type == attributeLinkLayerAddress, value.count == 6 {
                mac = MACAddress(rawValue: value.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            }
            offset += align(length)
        }
        guard let address, let mac else { return nil }
        return Entry(interfaceIndex: interfaceIndex, address: address, mac: mac, state: state)
    }

    // Netlink is in host byte order (little-endian on the boxes relais runs on).
    private static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(littleEndian: UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8)
    }

    private static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(littleEndian: (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) })
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value) { bytes += $0 }
    }

    private static func align(_ length: Int) -> Int { (length + 3) & ~3 }
}
