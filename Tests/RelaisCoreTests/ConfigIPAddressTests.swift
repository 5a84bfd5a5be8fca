import RelaisCore
import Testing

@Suite struct ConfigIPAddressTests {
    @Test(arguments: [
        ("0.0.0.0", "0.0.0.0"), ("192.168.50.1", "192.168.50.1"), ("255.255.255.255", "255.255.255.255"),
        ("::", "::"), ("::1", "::1"), ("2001:DB8::1", "2001:db8::1"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"), ("fe80::1:2", "fe80::1:2"),
        ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"), ("1:0:3:4:5:6:7:8", "1:0:3:4:5:6:7:8"), ("::ffff:192.0.2.1", "::ffff:c000:201"),
        ("1::", "1::"), ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
    ])
    func parsesAndPrintsCanonically(text: String, canonical: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == canonical)
        #expect(IPAddress(canonical) == address)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d",
        ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1", "fe80::1%eth0",
        "[::1]", "::1.2.3", "1.2.3.4::", "::ffff:1.2.3.4:5", "1:2:3:4:5:6:7:8::", "+1::",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func familyAndWidth() {
        #expect(IPAddress("192.0.2.1")?.isIPv4 == true)
        #expect(IPAddress("192.0.2.1")?.bitWidth == 32)
        #expect(IPAddress("2001:db8::")?.bitWidth == 128)
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test func cidrBlocks() throws {
        let block = try #require(CIDRBlock("198.51.100.0/24"))
        #expect(block.prefixLength == 24)
        #expect(!block.hasHostBits)
        #expect(block.contains(IPAddress("198.51.100.200")!))
        #expect(!block.contains(IPAddress("198.51.101.1")!))
        #expect(!block.contains(IPAddress("2001:db8::1")!))
        #expect(CIDRBlock("192.0.2.7")?.description == "192.0.2.7/32")

        let loose = try #require(CIDRBlock("192.0.2.77/26"))
        #expect(loose.hasHostBits)
        #expect(loose.network.description == "192.0.2.64/26")
        #expect(CIDRBlock("2001:db8:abcd::1/33")?.network.description == "2001:db8:8000::/33")
        #expect(CIDRBlock("10.0.0.0/0")?.network.description == "0.0.0.0/0")
    }

    @Test(arguments: ["192.0.2.0/33", "2001:db8::/129", "192.0.2.0/", "192.0.2.0/-1", "192.0.2.0/024", "192.0.2.0/24/1", "/24", "x/24"])
    func rejectsBadBlocks(_ text: String) {
        #expect(CIDRBlock(text) == nil)
    }
}
