import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseNATLeasesTests {
    static let wan = IPAddress("198.51.100.1")!

    /// A plan of `blocks` blocks of 256 ports from 1024.
    static func plan(blocks: Int) -> PortBlockPlan {
        PortBlockPlan(publicAddress: wan, firstPort: 65_536 - 256 * blocks, portsPerDevice: 256)!
    }

    func admit(_ database: AppDatabase, _ sessions: [Session], capacity: Int = 100) async throws -> [AdmissionOutcome] {
        try await database.admit(sessions.map(Admission.init(session:)), capacity: capacity)
    }

    func endings(_ sessions: [Session], _ reason: SessionEndReason, at date: Date) -> [SessionEnding] {
        sessions.map { SessionEnding(sessionID: $0.id!, reason: reason, endedAt: date) }
    }

    func leases(_ database: AppDatabase) async throws -> [[Int64]] {
        try await database.read("test") { db in
            try db.fetchAll("SELECT block, session_id FROM nat_lease ORDER BY block") { [$0.int64(at: 0)!, $0.int64(at: 1)!] }
        }
    }

    @Test func admissionsLeaseTheLowestFreeBlock() async throws {
        let database = try AppDatabase.inMemory()
        let plan = Self.plan(blocks: 4)
        database.usePortBlocks(plan)
        let first = try await admit(database, [visitor(1), visitor(2), visitor(3)])
        #expect(first.map(\.session?.portBlock?.index) == [0, 1, 2])
        #expect(first[0].session?.portBlock == plan.block(at: 0))
        // Block 1 freed: it rests, so the next device takes the never used block 3; the one after gets
        // block 1 all the same (resting never refuses a device).
        _ = try await database.endSessions(endings([first[1].session!], .visitorLogout, at: t0.addingTimeInterval(5)))
        let next = try await admit(database, [visitor(4, startingAfter: 6), visitor(5, startingAfter: 6)])
        #expect(next.map(\.session?.portBlock?.index) == [3, 1])
        let live = try await database.liveSessions(at: t0.addingTimeInterval(7))
        #expect(Dictionary(uniqueKeysWithValues: live.map { ($0.mac, $0.portBlock?.index) })
            == [mac(1): 0, mac(3): 2, mac(4): 3, mac(5): 1])
    }

    @Test func aFreedBlockRestsBeforeReuseAndTheLongestRestedGoesFirst() async throws {
        let database = try AppDatabase.inMemory()
        database.usePortBlocks(Self.plan(blocks: 4))
        let first = try await admit(database, [visitor(1), visitor(2), visitor(3), visitor(4)]).compactMap(\.session)
        // Blocks 2 then 0 freed, 10 s apart; while both rest, the one freed first (2) is given first.
        _ = try await database.endSessions(endings([first[2]], .visitorLogout, at: t0.addingTimeInterval(10)))
        _ = try await database.endSessions(endings([first[0]], .visitorLogout, at: t0.addingTimeInterval(20)))
        let resting = try await admit(database, [visitor(5, startingAfter: 30)]).compactMap(\.session)
        #expect(resting.first?.portBlock?.index == 2)
        _ = try await database.endSessions(endings(resting, .visitorLogout, at: t0.addingTimeInterval(40)))
        // Past the hold-down of block 0 (freed at 20 s) but not of block 2 (freed again at 40 s): block 0.
        let holdDown = Double(PortBlockPlan.reuseHoldDownSeconds)
        let rested = try await admit(database, [visitor(6, startingAfter: 20 + holdDown + 1)]).compactMap(\.session)
        #expect(rested.first?.portBlock?.index == 0)
        // Later, both rested: the lowest free block again (not the one freed longest ago, 2).
        _ = try await database.endSessions(endings(rested, .visitorLogout, at: t0.addingTimeInterval(20 + holdDown + 2)))
        let later = try await admit(database, [visitor(7, startingAfter: 40 + 2 * holdDown)]).compactMap(\.session)
        #expect(later.first?.portBlock?.index == 0)
    }

    @Test func anEndedOrDeletedSessionFreesItsLease() async throws {
        let database = try AppDatabase.inMemory()
        database.usePortBlocks(Self.plan(blocks: 4))
        let admitted = try await admit(database, [visitor(1), visitor(2), visitor(3)]).compactMap(\.session)
        _ = try await database.endSessions(endings([admitted[0]], .idle, at: t0.addingTimeInterval(5)))
        _ = try await database.endExpiredSessions(at: t0.addingTimeInterval(7200))
        #expect(try await leases(database).isEmpty)
        let again = try await admit(database, [visitor(4, startingAfter: 7201)]).compactMap(\.session)
        #expect(again.first?.portBlock?.index == 0)
        try await database.write("test") { db in try db.execute("DELETE FROM session WHERE id = \(again[0].id!)") }
        #expect(try await leases(database).isEmpty)
    }

    @Test func aReplacedSessionHandsItsBlockToTheNewOneAndKeepsOneLease() async throws {
        let database = try AppDatabase.inMemory()
        database.usePortBlocks(Self.plan(blocks: 2))
        let first = try await admit(database, [visitor(1), visitor(2)]).compactMap(\.session)
        // The pool is full, yet the device replacing its own session is admitted, on its own block.
        let replaced = try await admit(database, [visitor(2, startingAfter: 10)])
        #expect(replaced.first?.session?.portBlock?.index == 1)
        let rows = try await leases(database)
        #expect(rows.count == 2)
        #expect(rows.map { $0[1] } == [first[0].id!, replaced[0].session!.id!])
    }

    @Test func aFullPoolDeniesAndWritesNothing() async throws {
        let database = try AppDatabase.inMemory()
        database.usePortBlocks(Self.plan(blocks: 2))
        _ = try await admit(database, [visitor(1), visitor(2)])
        let before = try await database.liveSessions(at: t0.addingTimeInterval(1))
        let outcomes = try await admit(database, [visitor(3, startingAfter: 1)])
        #expect(outcomes == [.denied(.portBlocksExhausted)])
        #expect(try await database.liveSessions(at: t0.addingTimeInterval(2)) == before)
        let rows = try await database.read("test") { db in try db.integer("SELECT COUNT(*) FROM session") }
        #expect(rows == 2)
        let usage = try #require(try await database.portBlockUsage())
        #expect(usage.leased == 2 && usage.total == 2)
    }

    @Test func withoutAPlanOrAnIPv4AddressNothingIsLeased() async throws {
        let database = try AppDatabase.inMemory()
        let plain = try await admit(database, [visitor(1)])
        #expect(plain.first?.session?.portBlock == nil)
        #expect(try await database.portBlockUsage() == nil)
        database.usePortBlocks(Self.plan(blocks: 1))
        var operatorSession = visitor(2)
        operatorSession.ipAddress = nil
        var v6 = visitor(3)
        v6.ipAddress = IPAddress("2001:db8::3")
        let outcomes = try await admit(database, [operatorSession, v6, visitor(4)])
        #expect(outcomes.map(\.session?.portBlock?.index) == [nil, nil, 0])
        #expect(try await leases(database).count == 1)
    }

    @Test func theSchemaRefusesALeaseForASessionThatIsNotOpen() async throws {
        let database = try AppDatabase.inMemory()
        let admitted = try await admit(database, [visitor(1)]).compactMap(\.session)
        _ = try await database.endSessions(endings(admitted, .idle, at: t0.addingTimeInterval(1)))
        await #expect(throws: (any Error).self) {
            try await database.write("test") { db in try db.execute("INSERT INTO nat_lease (block, session_id) VALUES (0, \(admitted[0].id!))") }
        }
        await #expect(throws: (any Error).self) {
            try await database.write("test") { db in try db.execute("INSERT INTO nat_lease (block, session_id) VALUES (0, 999)") }
        }
    }
}
