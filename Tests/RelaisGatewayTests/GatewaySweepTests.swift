import Foundation
import RelaisCore
import RelaisGateway
import RelaisTesting
import Testing

@Suite struct GatewaySweepTests {
    @Test func sweepEndsExpiredAndIdleSessions() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.clock.advance(by: 1800)
        _ = try await rig.gateway.authorize([laptop])
        rig.firewall.markIdle(laptop)
        rig.clock.advance(by: 1801)
        // The phone's hard limit ends it at once; the laptop, idle in the firewall, only when a second
        // sweep still finds it so.
        let first = try await rig.gateway.sweep().ended
        #expect(first.map(\.mac) == [phone])
        rig.clock.advance(by: 10)
        let ended = first + (try await rig.gateway.sweep().ended)
        let reasons = Dictionary(uniqueKeysWithValues: ended.map { ($0.mac, $0.endReason) })
        #expect(reasons[phone] == .sessionLimit)
        #expect(reasons[laptop] == .idle)
        // Dated on the monotonic clock: the phone ended on its limit, exactly an hour after its start.
        let phoneSession = try #require(ended.first { $0.mac == phone })
        #expect(phoneSession.endedAt == phoneSession.expiresAt)
        #expect(rig.gateway.directory.count == 0)
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(try await rig.gateway.sweep() == SweepResult())
        try await rig.expectAgreement()
    }

    @Test func oneIdleListingDoesNotEndASession() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.firewall.markIdle(phone)
        #expect(try await rig.gateway.sweep().ended.isEmpty)
        // The device shows up again (the previous listing was wrong): the strike is forgotten.
        _ = try await rig.gateway.authorize([phone])
        #expect(try await rig.gateway.sweep().ended.isEmpty)
        rig.firewall.markIdle(phone)
        #expect(try await rig.gateway.sweep().ended.isEmpty)
        #expect(try await rig.gateway.sweep().ended.map(\.endReason) == [.idle])
    }

    @Test func aDeviceGrantedAfterTheListingIsNotJudgedOnIt() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        let listing = try rig.gateway.listKernel()
        rig.clock.advance(by: 1)
        _ = try await rig.gateway.authorize([phone])
        // The listing predates the grant: the device is neither ended nor granted again on it.
        let result = try await rig.gateway.sweep(listing: listing)
        #expect(result == SweepResult())
        #expect(rig.gateway.directory.session(for: phone) != nil)
    }

    /// The kernel's sets drift from the store (a hand `nft delete element`, a stray `nft add element`):
    /// the next sweep repairs both and says so.
    @Test func reconcileRemovesStraysAndRegrantsMissingSessions() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone, laptop])
        rig.clock.advance(by: 100)
        rig.firewall.tamper(removing: [phone], adding: [FirewallGrant(mac: tablet, sessionSeconds: 3600, idleSeconds: 600)])
        let result = try await rig.gateway.sweep()
        #expect(result.ended.isEmpty)
        #expect(result.straysRemoved == [tablet])
        #expect(result.regranted == [phone])
        #expect(rig.firewall.contents.grants[phone]?.sessionSeconds == 3500)
        try await rig.expectAgreement()
        let notice = rig.logs.all.first { $0.message == "firewall drift repaired" }
        #expect(notice?.level == .notice)
        #expect(notice?.metadata["gateway.strays_removed"] == "1")
        #expect(notice?.metadata["gateway.regranted"] == "1")
        // Nothing left to repair.
        #expect(try await rig.gateway.sweep() == SweepResult())
    }

    @Test func reconcileMakesTheBlockedSetFollowTheStore() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.setBlocked([phone, laptop], blocked: true)
        rig.firewall.tamper(unblocking: [phone], blocking: [tablet])
        let result = try await rig.gateway.sweep()
        #expect(result.blocksRepaired == [phone, tablet])
        #expect(rig.firewall.contents.blocked == [phone, laptop])
        try await rig.expectAgreement()
    }

    @Test func aSessionMissingFromTheKernelAtItsLimitEndsInsteadOfComingBack() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone])
        rig.clock.advance(by: 3599)
        rig.firewall.tamper(removing: [phone])
        let result = try await rig.gateway.sweep()
        #expect(result.ended.map(\.endReason) == [.sessionLimit])
        #expect(result.regranted.isEmpty)
    }
}

/// Session limits run on the monotonic clock; the wall clock only dates the records.
@Suite struct GatewayClockJumpTests {
    @Test func aWallJumpForwardEndsNoSession() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([phone, laptop])
        rig.clock.advance(by: 60)
        rig.clock.jumpWall(by: 86_400)
        #expect(try await rig.gateway.sweep().ended.isEmpty)
        #expect(rig.gateway.directory.count == 2)
        // What a page tells the visitor follows real time too.
        #expect(rig.gateway.directory.remainingSeconds(for: laptop) == 3540)
        #expect(rig.gateway.directory.remainingSeconds(for: tablet) == nil)
        // Ended later, the session records the time that really passed, not the jump.
        rig.clock.advance(by: 40)
        let ended = try #require(try await rig.gateway.deauthorize([phone]).changed.first)
        #expect(ended == phone)
        let stored = try #require(try await rig.allSessions().first { $0.mac == phone })
        #expect(stored.endedAt == stored.startedAt.addingTimeInterval(100))
        // And the hard limit still comes after an hour of real time.
        rig.clock.advance(by: 3500)
        #expect(try await rig.gateway.sweep().ended.map(\.mac) == [laptop])
    }

    @Test func aWallJumpBackwardNeverDatesAnEndBeforeItsStart() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        _ = try await rig.gateway.authorize([laptop])
        rig.clock.advance(by: 30)
        rig.clock.jumpWall(by: -86_400)
        _ = await rig.gateway.logout(ipAddress: "192.0.2.10")
        _ = try await rig.gateway.setBlocked([laptop], blocked: true)
        let sessions = try await rig.allSessions()
        #expect(sessions.count == 2)
        for session in sessions {
            let ended = try #require(session.endedAt)
            #expect(ended == session.startedAt.addingTimeInterval(30), "\(session.mac)")
        }
    }
}
