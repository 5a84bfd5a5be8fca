import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseSessionStoreTests {
    @Test func startedSessionsGetIdsAndAreLive() async throws {
        try await withFileDatabase { database, _ in
            let started = try await database.startSessions([visitor(1), visitor(2, startingAfter: 10)])
            #expect(started.count == 2)
            #expect(started.allSatisfy { $0.id != nil })
            #expect(Set(started.compactMap(\.id)).count == 2)
            var expected = visitor(1)
            expected.id = started[0].id
            #expect(started[0] == expected)
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(60)) == started)
        }
    }

    @Test func liveSessionsExcludeExpiredAndEndedOnes() async throws {
        try await withFileDatabase { database, _ in
            let started = try await database.startSessions([
                visitor(1, seconds: 60), visitor(2, seconds: 3600), visitor(3, seconds: 3600),
            ])
            _ = try await database.endSessions(endings([started[2]], .visitorLogout, at: t0.addingTimeInterval(5)))
            // At exactly the hard limit the session is over, as Session.state says.
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(60)) == [started[1]])
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(59.999)).map(\.mac) == [mac(1), mac(2)])
        }
    }

    @Test func startingASessionReplacesTheOpenOneOfTheSameDevice() async throws {
        try await withFileDatabase { database, _ in
            let first = try await database.startSessions([visitor(1), visitor(2)])
            let second = try await database.startSessions([visitor(1, startingAfter: 30)])
            let live = try await database.liveSessions(at: t0.addingTimeInterval(40))
            #expect(live == [first[1], second[0]])
            let old = try await Self.session(id: first[0].id!, in: database)
            // Ended, the row keeps no MAC or IP (v3-session-minimized).
            var expected = first[0].ended(.replaced, at: t0.addingTimeInterval(30))
            expected.ipAddress = nil
            #expect(old == expected)
        }
    }

    @Test func aDeviceTwiceInOneBatchKeepsTheLastSession() async throws {
        try await withFileDatabase { database, _ in
            let started = try await database.startSessions([visitor(1), visitor(1, startingAfter: 1)])
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(2)) == [started[1]])
            #expect(try await Self.session(id: started[0].id!, in: database)?.endReason == .replaced)
        }
    }

    @Test func endSessionsReturnsOnlyThoseThatWereOpen() async throws {
        try await withFileDatabase { database, _ in
            let started = try await database.startSessions([visitor(1), visitor(2), visitor(3)])
            let end = t0.addingTimeInterval(100)
            let unknown = SessionEnding(sessionID: 999, reason: .operatorDeauth, endedAt: end)
            let ended = try await database.endSessions(endings([started[0], started[2]], .operatorDeauth, at: end) + [unknown])
            #expect(ended == [started[0].ended(.operatorDeauth, at: end), started[2].ended(.operatorDeauth, at: end)])
            // Ending again changes nothing: the first end is kept.
            #expect(try await database.endSessions(endings([started[0]], .idle, at: end.addingTimeInterval(5))).isEmpty)
            #expect(try await Self.session(id: started[0].id!, in: database)?.endReason == .operatorDeauth)
            #expect(try await database.liveSessions(at: end) == [started[1]])
        }
    }

    @Test func endExpiredSessionsEndsThoseAtOrPastTheirLimitDatedAtIt() async throws {
        try await withFileDatabase { database, _ in
            let started = try await database.startSessions([
                visitor(1, seconds: 60), visitor(2, seconds: 120), visitor(3, seconds: 3600),
            ])
            let sweep = t0.addingTimeInterval(120)
            let ended = try await database.endExpiredSessions(at: sweep)
            #expect(ended == [started[0].ended(.sessionLimit, at: started[0].expiresAt), started[1].ended(.sessionLimit, at: sweep)])
            #expect(try await database.endExpiredSessions(at: sweep).isEmpty)
            #expect(try await database.liveSessions(at: sweep) == [started[2]])
        }
    }

    @Test func blockingEndsOpenSessionsAndUnblockingForgets() async throws {
        try await withFileDatabase { database, _ in
            let started = try await database.startSessions([visitor(1), visitor(2)])
            let when = t0.addingTimeInterval(50)
            let ended = try await database.setBlocked([mac(1), mac(5)], blocked: true, at: when)
            #expect(ended == [started[0].ended(.blocked, at: when)])
            #expect(try await database.blockedDevices() == [mac(1), mac(5)])
            #expect(try await database.liveSessions(at: when) == [started[1]])
            // Blocking again is harmless and keeps the first date.
            #expect(try await database.setBlocked([mac(1)], blocked: true, at: when.addingTimeInterval(9)).isEmpty)
            let since = try database.withConnection { db in
                try db.integer("SELECT blocked_at FROM blocked_device WHERE mac = '\(mac(1).description)'")
            }
            #expect(since == when.storeMilliseconds)

            #expect(try await database.setBlocked([mac(1)], blocked: false, at: when).isEmpty)
            #expect(try await database.blockedDevices() == [mac(5)])
        }
    }

    @Test func tenThousandDevicesStartAndEndInOneTransactionEach() async throws {
        try await withFileDatabase { database, _ in
            let count = 10_000
            let started = try await database.startSessions((0..<count).map { visitor($0) })
            #expect(started.count == count)
            #expect(try await database.liveSessions(at: t0).count == count)
            // Replace them all at once, then end them all at once.
            let replaced = try await database.startSessions((0..<count).map { visitor($0, startingAfter: 1) })
            #expect(Set(replaced.compactMap(\.id)).isDisjoint(with: started.compactMap(\.id)))
            let ended = try await database.endSessions(endings(replaced, .operatorDeauth, at: t0.addingTimeInterval(2)))
            #expect(ended.count == count)
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(2)).isEmpty)
            let rows = try database.withConnection { db in try db.integer("SELECT COUNT(*) FROM session") }
            #expect(rows == Int64(2 * count))
        }
    }

    @Test func aBatchThatFailsMidwayWritesNothing() async throws {
        try await withFileDatabase { database, _ in
            let before = try await database.startSessions([visitor(1)])
            var broken = visitor(500)
            broken.idleSeconds = 0  // rejected by the schema's CHECK
            // The batch first replaces device 1's session, then inserts many, then hits the bad one.
            let batch = [visitor(1, startingAfter: 5)] + (2..<500).map { visitor($0, startingAfter: 5) } + [broken]
            let error = await #expect(throws: StoreError.self) { try await database.startSessions(batch) }
            #expect(error?.code == .constraint)
            #expect(error?.message.contains("CHECK") == true)
            // Device 1's session is still open and nothing else was written.
            #expect(try await database.liveSessions(at: t0.addingTimeInterval(10)) == before)
            let rows = try database.withConnection { db in try db.integer("SELECT COUNT(*) FROM session") }
            #expect(rows == 1)
        }
    }

    @Test func aPortalSessionWithoutTermsIsRefused() async throws {
        let database = try AppDatabase.inMemory()
        var session = visitor(1)
        session.termsVersion = nil
        let error = await #expect(throws: StoreError.self) { try await database.startSessions([session]) }
        #expect(error?.code == .constraint)
    }

    @Test func admissionRechecksBlockedDevicesInSQL() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await database.block([mac(2)], endDates: [:], at: t0)
        let outcomes = try await database.admit([visitor(1), visitor(2), visitor(3)].map(Admission.init(session:)), capacity: 10)
        #expect(outcomes.map(\.session?.mac) == [mac(1), nil, mac(3)])
        #expect(outcomes[1] == .denied(.blocked))
        #expect(try await database.liveSessions(at: t0).map(\.mac) == [mac(1), mac(3)])
    }

    @Test func admissionStopsAtCapacityButADeviceMayReplaceItsOwnSession() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await database.admit([visitor(1), visitor(2)].map(Admission.init(session:)), capacity: 2)
        #expect(first.allSatisfy { $0.session != nil })
        let second = try await database.admit(
            [visitor(3, startingAfter: 5), visitor(1, startingAfter: 5)].map(Admission.init(session:)), capacity: 2)
        #expect(second[0] == .denied(.capacityReached))
        #expect(second[1].session?.mac == mac(1))
        #expect(try await database.liveSessions(at: t0.addingTimeInterval(6)).map(\.mac) == [mac(2), mac(1)])
        // An ended session frees its room.
        _ = try await database.endSessions(endings([first[1].session!], .visitorLogout, at: t0.addingTimeInterval(7)))
        #expect(try await database.admit([Admission(session: visitor(3, startingAfter: 8))], capacity: 2)[0].session != nil)
    }

    @Test func anEndIsNeverRecordedBeforeTheStart() async throws {
        let database = try AppDatabase.inMemory()
        let started = try await database.startSessions([visitor(1, startingAfter: 100), visitor(2, startingAfter: 100)])
        // A wall clock set back: the store dates the end at the start, never before.
        let ended = try await database.endSessions(endings([started[0]], .visitorLogout, at: t0))
        #expect(ended.first?.endedAt == started[0].startedAt)
        let blocked = try await database.block([mac(2)], endDates: [:], at: t0)
        #expect(blocked.first?.endedAt == started[1].startedAt)
        // And the schema refuses one written by hand.
        let error = await #expect(throws: StoreError.self) {
            try await database.write("test") { db in
                try db.execute("UPDATE session SET ended_at = started_at - 1 WHERE id = \(started[0].id!)")
            }
        }
        #expect(error?.code == .constraint)
    }

    @Test func anIPv4MappedAddressIsStoredAsIPv4() async throws {
        let database = try AppDatabase.inMemory()
        var session = visitor(1)
        session.ipAddress = IPAddress("::ffff:192.0.2.33")
        let started = try await database.startSessions([session])
        #expect(started.first?.ipAddress == IPAddress("192.0.2.33"))
        let text = try database.withConnection { db in try db.text("SELECT ip FROM session") }
        #expect(text == "192.0.2.33")
    }

    func endings(_ sessions: [Session], _ reason: SessionEndReason, at date: Date) -> [SessionEnding] {
        sessions.map { SessionEnding(sessionID: $0.id!, reason: reason, endedAt: date) }
    }

    /// The stored row. An ended row keeps no MAC (v3-session-minimized): it reads back as `mac(1)`, the
    /// device of every session these tests read after its end.
    static func session(id: Int64, in database: AppDatabase) async throws -> Session? {
        try await database.read("test") { db in
            let statement = try db.prepare("""
                SELECT id, COALESCE(mac, '02:00:00:00:00:01'), ip, origin, started_at, expires_at, idle_seconds,
                       terms_version, ended_at, end_reason FROM session WHERE id = ?
                """)
            try statement.bind(id, at: 1)
            return try statement.fetchOne { try SessionRecord(row: $0).session }
        }
    }
}
