import Foundation
import Logging
import RelaisCore
import RelaisGateway
import RelaisTesting
import Testing

@Suite struct GatewayTests {
    @Test func acceptOpensSessionInStoreFirewallAndDirectory() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        let outcome = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        guard case .connected(let session) = outcome else { Issue.record("not connected: \(outcome)"); return }
        #expect(session.mac == phone)
        #expect(session.termsVersion == "v1")
        #expect(session.id != nil)
        #expect(rig.firewall.contents.grants[phone]?.sessionSeconds == 3600)
        #expect(rig.firewall.contents.grants[phone]?.idleSeconds == 600)
        #expect(rig.gateway.directory.session(forIPAddress: "192.0.2.10")?.mac == phone)
        // Accepting flushes nothing (the firewall resets stale redirected flows itself); ending does.
        #expect(rig.firewall.contents.forgottenAddresses.isEmpty)
        #expect(try await rig.store.liveSessions(at: rig.clock.now).count == 1)
        try await rig.expectAgreement()
    }

    @Test func anIPv4MappedAddressIsTheSameDevice() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        guard case .connected(let session) = await rig.gateway.acceptTerms(ipAddress: "::ffff:192.0.2.10", termsVersion: "v1") else {
            Issue.record("not connected"); return
        }
        #expect(session.ipAddress == "192.0.2.10")
        #expect(rig.gateway.directory.session(forIPAddress: "::ffff:192.0.2.10")?.mac == phone)
        #expect(rig.gateway.directory.session(forIPAddress: "192.0.2.10")?.mac == phone)
        #expect(await rig.gateway.logout(ipAddress: "::ffff:192.0.2.10")?.endReason == .visitorLogout)
    }

    @Test func unknownDeviceIsRefusedAndNothingChanges() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        let outcome = await rig.gateway.acceptTerms(ipAddress: "192.0.2.99", termsVersion: "v1")
        #expect(outcome == .denied(.unknownDevice))
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(try await rig.allSessions().isEmpty)
    }

    @Test func blockedDeviceIsRefusedAndBlockingEndsSession() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        let result = try await rig.gateway.setBlocked([phone], blocked: true)
        #expect(result.changed == [phone])
        #expect(rig.firewall.contents.grants[phone] == nil)
        #expect(rig.firewall.contents.blocked == [phone])
        #expect(try await rig.allSessions().first?.endReason == .blocked)
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .denied(.blocked))
        try await rig.expectAgreement()
        _ = try await rig.gateway.setBlocked([phone], blocked: false)
        guard case .connected = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") else {
            Issue.record("unblocked device should connect"); return
        }
        try await rig.expectAgreement()
    }

    @Test func logoutEndsSessionAndRevokes() async throws {
        let rig = try Rig()
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
        let rig = try Rig()
        try await rig.gateway.start()
        let result = try await rig.gateway.authorize([phone, laptop, MACAddress("ff:ff:ff:ff:ff:ff")!])
        #expect(result.changed == [phone, laptop])
        #expect(result.unchanged.count == 1)
        #expect(result.refusedForCapacity.isEmpty)
        #expect(rig.gateway.directory.session(for: phone)?.origin == .operator)
        #expect(rig.gateway.directory.session(for: phone)?.ipAddress == nil)
        let removed = try await rig.gateway.deauthorize([phone, MACAddress("02:00:00:00:00:77")!])
        #expect(removed.changed == [phone])
        #expect(removed.unchanged.count == 1)
        #expect(Set(rig.firewall.contents.grants.keys) == [laptop])
        try await rig.expectAgreement()
    }

    @Test func restartRestoresLiveSessionsWithRemainingTime() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.clock.advance(by: 600)
        _ = try await rig.gateway.authorize([laptop])
        rig.clock.advance(by: 3000)
        // A second gateway over the same store stands for the daemon after `kill -9`.
        let restarted = rig.makeGateway()
        try await restarted.start()
        let grants = rig.firewall.contents.grants
        #expect(grants[phone] == nil)
        #expect(grants[laptop]?.sessionSeconds == 600)
        #expect(restarted.directory.session(for: laptop) != nil)
        let phoneSession = try await rig.allSessions().first { $0.mac == phone }
        #expect(phoneSession?.endReason == .sessionLimit)
        // It ended on its limit while the daemon was down: dated at the limit, not at the restart.
        #expect(phoneSession?.endedAt == phoneSession?.expiresAt)
    }

    @Test func reacceptReplacesTheOpenSession() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        rig.clock.advance(by: 60)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v2")
        #expect(try await rig.allSessions().map(\.endReason) == [.replaced, nil])
        #expect(rig.gateway.directory.session(for: phone)?.termsVersion == "v2")
        try await rig.expectAgreement()
    }
}

@Suite struct DevelopmentNeighbourTableTests {
    @Test func knownDevicesKeepTheirAddressAndLoopbackGetsADerivedOne() {
        let table = DevelopmentNeighbourTable(primary: StaticNeighbourTable(["192.0.2.7": phone]))
        #expect(table.macAddress(for: "192.0.2.7") == phone)
        #expect(table.macAddress(for: "127.0.0.1")?.description == "02:00:7f:00:00:01")
        #expect(table.macAddress(for: "::ffff:127.0.0.1")?.description == "02:00:7f:00:00:01")
        #expect(table.macAddress(for: "127.0.0.1")?.isLocallyAdministered == true)
        #expect(table.macAddress(for: "::1") == nil)
    }
}
