@testable import RelaisConfig
import Testing

@Suite struct PreauthCoverageTests {
    @Test func countsAddressesAndIPv6NetworksOnce() {
        let coverage = PreauthCoverage(["192.0.2.0/24", "192.0.2.10", "198.51.100.1", "2001:db8::/48", "2001:db8::1", "2001:db9::1"])
        #expect(coverage.ipv4Addresses == 257)
        #expect(coverage.ipv6Networks == 65_537)
        #expect(coverage.excess == nil)
    }

    @Test func exactlyTheLimitIsAccepted() {
        #expect(PreauthCoverage(["10.0.0.0/17", "10.0.128.0/17"]).excess == nil)
        #expect(PreauthCoverage(["10.0.0.0/17", "10.0.128.0/17", "10.1.0.1"]).excess != nil)
    }

    @Test func hugeTotalsDoNotWrapAround() {
        let coverage = PreauthCoverage((0..<256).map { "\($0).0.0.0/0" } + ["::/0", "::/0"])
        #expect(coverage.ipv4Addresses == 1 << 32)
        #expect(coverage.ipv6Networks == Int.max)
        #expect(coverage.excess != nil)
    }
}
