import Foundation
import Logging
import RelaisCore
import RelaisGateway
import RelaisTesting
import Testing

/// A gateway wired to in-memory twins, with a hand-moved clock.
private struct Rig {
    let store = InMemorySessionStore()
    let firewall = InMemoryFirewall()
    let neighbours = StaticNeighbourTable()
    let clock = ManualClock()
    let limits = SessionLimits(sessionSeconds: 3600, idleSeconds: 600)
    let gateway: Gateway

    init() {
        let clock = self.clock
        gateway = Gateway(
            store: store, firewall: firewall, tracker: firewall, neighbours: neighbours,
            layout: FirewallLayout(tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [], idleSeconds: 600),
            limits: limits, clock: { clock.now }, logger: Logger(label: "test"))
    }
}

private let phone = MACAddress("02:00:00:00:00:01")!
private let laptop = MACAddress("02:00:00:00:00:02")!

@Suite struct GatewayTests {
    @Test func acceptOpensSessionInStoreFirewallAndDirectory() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        let outcome = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        guard case .connected(let session) = outcome else { Issue.record("not connected: \(outcome)"); return }
        #expect(session.mac == phone)
        #expect(session.termsVersion == "v1")
        #expect(rig.firewall.contents.grants[phone]?.sessionSeconds == 3600)
        #expect(rig.firewall.contents.grants[phone]?.idleSeconds == 600)
        #expect(rig.gateway.directory.session(forIPAddress: "192.0.2.10")?.mac == phone)
        // Accepting flushes nothing (the firewall resets stale redirected flows itself); ending does.
        #expect(rig.firewall.contents.forgottenAddresses.isEmpty)
        #expect(try await rig.store.liveSessions(at: rig.clock.now).count == 1)
    }

    @Test func unknownDeviceIsRefusedAndNothingChanges() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        let outcome = await rig.gateway.acceptTerms(ipAddress: "192.0.2.99", termsVersion: "v1")
        #expect(outcome == .denied(.unknownDevice))
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(rig.store.allSessions.isEmpty)
    }

    @Test func blockedDeviceIsRefusedAndBlockingEndsSession() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        let result = try await rig.gateway.setBlocked([phone], blocked: true)
        #expect(result.changed == [phone])
        #expect(rig.firewall.contents.grants[phone] == nil)
        #expect(rig.firewall.contents.blocked == [phone])
        #expect(rig.store.allSessions.first?.endReason == .blocked)
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .denied(.blocked))
        _ = try await rig.gateway.setBlocked([phone], blocked: false)
        guard case .connected = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") else {
            Issue.record("unblocked device should connect"); return
        }
    }

    @Test func storeFailureWithdrawsTheGrant() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        rig.store.failWrites.withLock { $0 = true }
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .failed)
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(rig.gateway.directory.count == 0)
    }

    @Test func firewallFailureWritesNothing() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        rig.firewall.failGrants.withLock { $0 = true }
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .failed)
        #expect(rig.store.allSessions.isEmpty)
    }

    @Test func logoutEndsSessionAndRevokes() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        let ended = await rig.gateway.logout(ipAddress: "192.0.2.10")
        #expect(ended?.endReason == .visitorLogout)
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(rig.gateway.directory.session(forIPAddress: "192.0.2.10") == nil)
        #expect(rig.firewall.contents.forgottenAddresses == ["192.0.2.10"])
        #expect(await rig.gateway.logout(ipAddress: "192.0.2.10") == nil)
    }

    @Test func operatorAuthorizesUnseenDevicesAndDeauthorizes() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        let result = try await rig.gateway.authorize([phone, laptop, MACAddress("ff:ff:ff:ff:ff:ff")!])
        #expect(result.changed == [phone, laptop])
        #expect(result.unchanged.count == 1)
        #expect(rig.gateway.directory.session(for: phone)?.origin == .operator)
        #expect(rig.gateway.directory.session(for: phone)?.ipAddress == nil)
        let removed = try await rig.gateway.deauthorize([phone, MACAddress("02:00:00:00:00:77")!])
        #expect(removed.changed == [phone])
        #expect(removed.unchanged.count == 1)
        #expect(Set(rig.firewall.contents.grants.keys) == [laptop])
    }

    @Test func sweepEndsExpiredAndIdleSessions() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.clock.advance(by: 1800)
        _ = try await rig.gateway.authorize([laptop])
        rig.firewall.markIdle(laptop)
        rig.clock.advance(by: 1801)
        // The phone's hard limit ends it at once; the laptop, missing from the firewall, only when a
        // second sweep still misses it.
        let first = try await rig.gateway.sweep()
        #expect(first.map(\.mac) == [phone])
        rig.clock.advance(by: 10)
        let ended = first + (try await rig.gateway.sweep())
        let reasons = Dictionary(uniqueKeysWithValues: ended.map { ($0.mac, $0.endReason) })
        #expect(reasons[phone] == .sessionLimit)
        #expect(reasons[laptop] == .idle)
        #expect(rig.gateway.directory.count == 0)
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(try await rig.gateway.sweep().isEmpty)
    }

    @Test func restartRestoresLiveSessionsWithRemainingTime() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.clock.advance(by: 600)
        _ = try await rig.gateway.authorize([laptop])
        rig.clock.advance(by: 3000)
        // A second gateway over the same store stands for the daemon after `kill -9`.
        let clock = rig.clock
        let restarted = Gateway(
            store: rig.store, firewall: rig.firewall, tracker: rig.firewall, neighbours: rig.neighbours,
            layout: FirewallLayout(tableName: "relais", lanInterface: "lan0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [], idleSeconds: 600),
            limits: rig.limits, clock: { clock.now }, logger: Logger(label: "test"))
        try await restarted.start()
        let grants = rig.firewall.contents.grants
        #expect(grants[phone] == nil)
        #expect(grants[laptop]?.sessionSeconds == 600)
        #expect(restarted.directory.session(for: laptop) != nil)
        #expect(rig.store.allSessions.first { $0.mac == phone }?.endReason == .sessionLimit)
    }

    @Test func reacceptReplacesTheOpenSession() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        rig.clock.advance(by: 60)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v2")
        #expect(rig.store.allSessions.map(\.endReason) == [.replaced, nil])
        #expect(rig.gateway.directory.session(for: phone)?.termsVersion == "v2")
    }
}

@Suite struct DevelopmentNeighbourTableTests {
    @Test func knownDevicesKeepTheirAddressAndLoopbackGetsADerivedOne() {
        let table = DevelopmentNeighbourTable(primary: StaticNeighbourTable(["192.0.2.7": phone]))
        #expect(table.macAddress(for: "192.0.2.7") == phone)
        #expect(table.macAddress(for: "127.0.0.1")?.description == "02:00:7f:00:00:01")
        #expect(table.macAddress(for: "127.0.0.1")?.isLocallyAdministered == true)
        #expect(table.macAddress(for: "::1") == nil)
        #expect(table.macAddress(for: "300.1.1.1") == nil)
    }
}

@Suite struct GatewaySweepTests {
    @Test func oneMissingListingDoesNotEndASession() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.firewall.markIdle(phone)
        #expect(try await rig.gateway.sweep().isEmpty)
        // The device shows up again (the previous listing was wrong): the strike is forgotten.
        _ = try await rig.gateway.authorize([phone])
        #expect(try await rig.gateway.sweep().isEmpty)
        rig.firewall.markIdle(phone)
        #expect(try await rig.gateway.sweep().isEmpty)
        #expect(try await rig.gateway.sweep().map(\.endReason) == [.idle])
    }
}

@Suite struct GatewaySweepListingTests {
    @Test func aDeviceGrantedAfterTheListingIsNotEnded() async throws {
        let rig = Rig()
        try await rig.gateway.start()
        let listing = try rig.gateway.passingDevices()
        _ = try await rig.gateway.authorize([phone])
        // The listing predates the grant: one sweep on it must not end the session...
        #expect(try await rig.gateway.sweep(passing: listing).isEmpty)
        // ...and a fresh listing that shows the device clears the strike.
        #expect(try await rig.gateway.sweep(passing: try rig.gateway.passingDevices()).isEmpty)
        #expect(try await rig.gateway.sweep(passing: listing).isEmpty)
        #expect(rig.gateway.directory.session(for: phone) != nil)
    }
}
