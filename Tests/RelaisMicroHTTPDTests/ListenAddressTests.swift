import Glibc
import RelaisCore
@testable import RelaisMicroHTTPD
import RelaisTesting
import Testing

/// Issue 7: the peer's address is read from the socket address bytes, IPv4-mapped IPv6 as IPv4.
@Suite struct ListenAddressTests {
    /// The peer address MHD would report for this socket address (the listen parser fills the same struct).
    func peer(_ text: String) throws -> IPAddress? {
        var listen = try ListenAddress(text, port: 2050)
        return listen.withSockaddr { ListenAddress.address(of: $0.assumingMemoryBound(to: sockaddr.self)) }
    }

    @Test func ipv4BytesStayInNetworkOrder() throws {
        let address = try #require(try peer("192.0.2.50"))
        #expect(address.bytes == [192, 0, 2, 50])
        #expect(address.description == "192.0.2.50")
    }

    @Test func mappedIPv6IsReportedAsIPv4() throws {
        #expect(try peer("::ffff:192.0.2.50") == "192.0.2.50")
        #expect(try peer("::ffff:192.0.2.50")?.isIPv4 == true)
    }

    @Test func otherIPv6StaysIPv6InCanonicalText() throws {
        let address = try #require(try peer("2001:DB8:0:0:0:0:0:1"))
        #expect(address.bitWidth == 128)
        #expect(address.description == "2001:db8::1")
        #expect(try peer("::1") == "::1")
    }

    @Test func otherFamiliesHaveNoAddress() {
        var unix = sockaddr_un()
        unix.sun_family = sa_family_t(AF_UNIX)
        let address = withUnsafePointer(to: &unix) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { ListenAddress.address(of: $0) }
        }
        #expect(address == nil)
    }
}
