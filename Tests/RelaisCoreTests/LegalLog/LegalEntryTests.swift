import Foundation
import RelaisCore
import Testing

@Suite struct LegalEntryTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let mac = MACAddress("02:11:22:33:44:55")!

    func session(ip: String?) -> Session {
        Session.open(
            mac: mac, ipAddress: ip.flatMap { IPAddress($0) }, origin: .portal, termsVersion: "v1",
            limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), now: start)
    }

    @Test func anEntryTakesTheSessionsDeviceAddressesAndStart() {
        let entry = LegalEntry(
            session: session(ip: "192.0.2.5"), natMode: .portBlocks, publicAddress: IPAddress("203.0.113.1"),
            portRange: 1024...1535)
        #expect(entry.mac == mac)
        #expect(entry.privateIPv4 == IPAddress("192.0.2.5"))
        #expect(entry.ipv6Addresses.isEmpty)
        #expect(entry.publicAddress == IPAddress("203.0.113.1"))
        #expect(entry.portRange == 1024...1535)
        #expect(entry.startedAt == start)
        #expect(entry.endedAt == nil && entry.endReason == nil)
    }

    @Test func aSessionSeenOverIPv6KeepsItsAddressAmongTheIPv6Ones() {
        let entry = LegalEntry(session: session(ip: "2001:db8::7"), natMode: .none, publicAddress: nil, portRange: nil)
        #expect(entry.privateIPv4 == nil)
        #expect(entry.ipv6Addresses == [IPAddress("2001:db8::7")!])
    }

    @Test func closingAddsTheEndAndMergesTheIPv6AddressesOnce() {
        let entry = LegalEntry(
            session: session(ip: "192.0.2.5"), natMode: .none, publicAddress: nil, portRange: nil,
            ipv6: [IPAddress("2001:db8::2")!])
        let closed = entry.closed(
            at: start.addingTimeInterval(60), reason: .visitorLogout,
            ipv6: [IPAddress("2001:db8::1")!, IPAddress("2001:db8::2")!, IPAddress("192.0.2.9")!])
        #expect(closed.endedAt == start.addingTimeInterval(60))
        #expect(closed.endReason == .visitorLogout)
        // Sorted, once each, IPv6 only.
        #expect(closed.ipv6Addresses == [IPAddress("2001:db8::1")!, IPAddress("2001:db8::2")!])
    }

    @Test func anEndIsNeverBeforeTheStart() {
        let entry = LegalEntry(session: session(ip: nil), natMode: .none, publicAddress: nil, portRange: nil)
        #expect(entry.closed(at: start.addingTimeInterval(-86_400), reason: .blocked, ipv6: []).endedAt == start)
    }
}
