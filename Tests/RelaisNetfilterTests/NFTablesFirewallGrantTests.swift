import Foundation
import RelaisCore
import Testing
@testable import RelaisNetfilter
import RelaisTesting

/// Grants, revocations and blocks through `NFTablesFirewall`, checked with the `nft` command in the namespace.
@Suite(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
struct NFTablesFirewallGrantTests {
    typealias F = FirewallFixture

    @Test func grantAddsBothTimersAndAReGrantResetsThem() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [], blocked: [])
            try firewall.grant([F.grant(1, session: 5000, idle: 300), F.grant(2)])
            var snapshot = try #require(try NFTablesSnapshot.read(namespace))
            let first = try #require(snapshot.sets["sessions"]?[F.mac(1).description])
            #expect(first.timeout == 5000)
            #expect((first.expires ?? 0) > 4990)
            #expect(snapshot.sets["active"]?[F.mac(1).description]?.timeout == 300)
            // A shorter grant replaces the longer one: the timers are set anew, not kept at the maximum.
            try firewall.grant([F.grant(1, session: 100, idle: 50)])
            snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.sets["sessions"]?[F.mac(1).description]?.timeout == 100)
            #expect((snapshot.sets["sessions"]?[F.mac(1).description]?.expires ?? 1000) <= 100)
            #expect(snapshot.sets["active"]?[F.mac(1).description]?.timeout == 50)
            #expect(snapshot.sets["sessions"]?[F.mac(2).description]?.timeout == 3600)
        }
    }

    @Test func revokeRemovesGrantsAndIgnoresUnknownDevices() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [F.grant(1), F.grant(2)], blocked: [])
            try firewall.revoke([F.mac(1), F.mac(3), F.mac(1)])
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.sets["sessions"].map { Set($0.keys) } == [F.mac(2).description])
            #expect(snapshot.sets["active"].map { Set($0.keys) } == [F.mac(2).description])
            #expect(try firewall.listing().passing == [F.mac(2)])
        }
    }

    @Test func setBlockedAddsAndRemoves() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [], blocked: [])
            try firewall.setBlocked([F.mac(1), F.mac(2)], blocked: true)
            try firewall.setBlocked([F.mac(1), F.mac(3)], blocked: false)
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.sets["blocked"].map { Set($0.keys) } == [F.mac(2).description])
            #expect(try firewall.blockedDevices() == [F.mac(2)])
        }
    }

    @Test func theKernelEndsGrantsByItselfOnEitherTimer() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [F.grant(1)], blocked: [])
            try firewall.grant([F.grant(2, session: 2), F.grant(3, idle: 2)])
            #expect(try firewall.listing().passing == [F.mac(1), F.mac(2), F.mac(3)])
            let deadline = Date().addingTimeInterval(10)
            while try firewall.listing().passing != [F.mac(1)], Date() < deadline {
                Thread.sleep(forTimeInterval: 0.25)
            }
            #expect(try firewall.listing().passing == [F.mac(1)])
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.sets["sessions"]?[F.mac(2).description] == nil)
            // Idle ended, session timer still running: not passing, though still in `sessions`.
            #expect(snapshot.sets["sessions"]?[F.mac(3).description] != nil)
        }
    }

    @Test func tenThousandDevicesGoInOneBatch() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(F.layout, grants: [], blocked: [])
            let grants = (0..<10_000).map { F.grant($0) }
            let start = ContinuousClock.now
            try firewall.grant(grants)
            print("10,000 grants in one batch: \(ContinuousClock.now - start)")
            #expect(try firewall.listing().passing.count == 10_000)
            let snapshot = try #require(try NFTablesSnapshot.read(namespace))
            #expect(snapshot.sets["sessions"]?.count == 10_000)
        }
    }
}
