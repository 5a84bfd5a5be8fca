import RelaisCore
import Testing

@Suite struct IPAddressTests {
    @Test(arguments: [
        ("::ffff:192.0.2.1", "192.0.2.1"), ("::FFFF:c000:201", "192.0.2.1"), ("::ffff:0.0.0.0", "0.0.0.0"),
        ("192.0.2.1", "192.0.2.1"), ("2001:db8::1", "2001:db8::1"), ("::1", "::1"),
        // Not IPv4-mapped: IPv4-compatible (deprecated), NAT64, or one bit off.
        ("::192.0.2.1", "::c000:201"), ("64:ff9b::192.0.2.1", "64:ff9b::c000:201"), ("::fffe:192.0.2.1", "::fffe:c000:201"),
        ("1::ffff:192.0.2.1", "1::ffff:c000:201"),
    ])
    func normalizedTurnsIPv4MappedIntoIPv4(text: String, expected: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.normalized.description == expected)
        #expect(address.normalized.normalized == address.normalized)
    }

    @Test func mappedAndPlainFormsAreOneKeyOnceNormalized() throws {
        let mapped = try #require(IPAddress("::ffff:192.0.2.1"))
        let plain = try #require(IPAddress("192.0.2.1"))
        #expect(mapped != plain)
        #expect(mapped.normalized == plain)
        #expect(mapped.normalized.isIPv4)
    }
}
