import Foundation
import RelaisCore
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

@Suite struct GatewayUsageTests {
    @Test func visitorsSessionsAreCountedWithTheirEnds() async throws {
        let rig = try UsageRig()
        try await rig.gateway.start()
        await rig.accept(1)
        await rig.accept(2)
        rig.clock.advance(by: 120)
        #expect(await rig.logout(1)?.endReason == .visitorLogout)
        rig.clock.advance(by: 1000)
        await rig.accept(2)  // the same device again: its running session is replaced
        _ = try await rig.gateway.setBlocked([MACAddress(rawValue: 0x0200_0000_0002)], blocked: true)
        await rig.usage.flush()
        #expect(try await rig.stored(.sessionsStarted) == 3)
        #expect(try await rig.stored(.devicesFirstSeen) == 2)
        #expect(try await rig.stored(.sessionsEnded) == 3)
        #expect(try await rig.stored(.ended(.visitorLogout)) == 1)
        #expect(try await rig.stored(.ended(.replaced)) == 1)
        #expect(try await rig.stored(.ended(.blocked)) == 1)
        #expect(try await rig.stored(.duration(.under5Minutes)) == 2)  // the logout after 2 min, the block at once
        #expect(try await rig.stored(.duration(.under30Minutes)) == 1)  // the replaced one, after 1,120 s
    }

    /// Sessions that reached their limit while the daemon was stopped are counted as ended at the restart,
    /// in the hour of their limit.
    @Test func sessionsEndedDuringAStopAreCountedAtTheRestart() async throws {
        let database = try AppDatabase.inMemory()
        let before = try UsageRig(database: database)
        try await before.gateway.start()
        await before.accept(1)
        let limit = before.clock.now.addingTimeInterval(3600)
        let after = try UsageRig(database: database, clock: ManualClock(limit.addingTimeInterval(7200)))
        try await after.gateway.start()
        let hour = UsageHour(containing: limit, in: paris)
        #expect(after.usage.pending.count(.ended(.sessionLimit), in: hour) == 1)
        #expect(after.usage.pending.count(.duration(.under2Hours), in: hour) == 1)
    }

    @Test func operatorsSessionsAreNotVisits() async throws {
        let rig = try UsageRig()
        try await rig.gateway.start()
        _ = try await rig.gateway.authorize([MACAddress("02:00:00:00:00:09")!])
        _ = try await rig.gateway.deauthorize([MACAddress("02:00:00:00:00:09")!])
        #expect(rig.usage.pending.isEmpty)
    }

    /// A box without a battery-backed clock boots in 1970: no session is opened (so none is dated) until
    /// NTP sets the clock, and then everything resumes.
    @Test func noSessionIsDatedBeforeTheClockIsSet() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 30))
        let rig = try UsageRig(clock: clock)
        try await rig.gateway.start()
        #expect(await rig.accept(1) == .denied(.clockNotSet))
        #expect(await rig.accept(2) == .denied(.clockNotSet))
        #expect(try await rig.gateway.authorize([MACAddress("02:00:00:00:00:09")!]).changed.isEmpty)
        #expect(try await rig.database.sessionRows().isEmpty)
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(rig.logs.all.filter { $0.level == .warning && $0.message.hasPrefix("wall clock not set") }.count == 1)
        clock.jumpWall(by: 1_790_000_000)  // NTP
        guard case .connected(let session) = await rig.accept(1) else {
            Issue.record("the visitor should pass once the clock is set")
            return
        }
        #expect(session.startedAt == clock.now)
        #expect(rig.usage.pending.count(.sessionsStarted, in: UsageHour(containing: clock.now, in: paris)) == 1)
    }

    /// The floor is never below the latest time the store recorded: a clock behind it is wrong too.
    @Test func aClockBehindTheStoresLastRecordIsNotSet() async throws {
        let clock = ManualClock()
        let latest = clock.now.addingTimeInterval(3600)
        let rig = try UsageRig(clock: clock, plausibility: ClockPlausibility(latestRecorded: latest))
        try await rig.gateway.start()
        #expect(await rig.accept(1) == .denied(.clockNotSet))
        clock.advance(by: 3600)
        #expect(await rig.accept(1) != .denied(.clockNotSet))
    }
}

extension AppDatabase {
    /// Every session row, open or ended.
    func sessionRows() async throws -> [Session] {
        try await read("test") { db in
            try SessionRecord.fetchAll(try db.cachedStatement("SELECT \(SessionRecord.selection) FROM session ORDER BY id"))
        }
    }
}
