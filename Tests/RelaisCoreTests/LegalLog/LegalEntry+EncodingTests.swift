import Foundation
import RelaisCore
import Testing

@Suite struct LegalEntryEncodingTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000.123)

    static let full = LegalEntry(
        mac: MACAddress("02:11:22:33:44:55")!, privateIPv4: IPAddress("10.99.0.2"),
        ipv6Addresses: [IPAddress("2001:db8::1")!], publicAddress: IPAddress("203.0.113.1"), portRange: 1024...1535,
        natMode: .portBlocks, startedAt: start, endedAt: start.addingTimeInterval(3600), endReason: .sessionLimit)

    static let minimal = LegalEntry(
        mac: MACAddress("02:00:00:00:00:01")!, privateIPv4: nil, ipv6Addresses: [], publicAddress: nil,
        portRange: nil, natMode: .none, startedAt: start)

    @Test(arguments: [full, minimal])
    func roundTrip(_ entry: LegalEntry) throws {
        #expect(try LegalEntry(encoded: entry.encoded()) == entry)
    }

    @Test func theEncodingIsCanonical() {
        // Version, MAC, NAT mode, start (ms), flags, IPv4, public address, ports, end, reason, IPv6 count + bytes.
        let expected: [UInt8] = [0x01, 0x02, 0x11, 0x22, 0x33, 0x44, 0x55, 0x01]
            + LegalEntryEncodingTests.bytes(1_790_000_000_123) + [0x0F, 10, 99, 0, 2, 4, 203, 0, 113, 1, 0x04, 0x00, 0x05, 0xFF]
            + LegalEntryEncodingTests.bytes(1_790_003_600_123) + [13] + Array("session-limit".utf8)
            + [1, 0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]
        #expect(Self.full.encoded() == expected)
    }

    static func bytes(_ value: Int64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: UInt64(value) >> (56 - 8 * UInt64($0))) }
    }

    @Test func everyTruncationIsAnError() {
        let bytes = Self.full.encoded()
        for length in 0..<bytes.count {
            #expect(throws: LegalEntryDecodingError.self) { try LegalEntry(encoded: Array(bytes.prefix(length))) }
        }
    }

    @Test func unknownVersionsTrailingBytesAndBadFieldsAreRefused() {
        var bytes = Self.full.encoded()
        #expect(throws: LegalEntryDecodingError.unknownVersion) { try LegalEntry(encoded: [2] + bytes.dropFirst()) }
        #expect(throws: LegalEntryDecodingError.malformed("trailing bytes")) { try LegalEntry(encoded: bytes + [0]) }
        bytes[7] = 9
        #expect(throws: LegalEntryDecodingError.malformed("nat mode")) { try LegalEntry(encoded: bytes) }
    }
}
