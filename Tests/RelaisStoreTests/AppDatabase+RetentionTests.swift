import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseRetentionTests {
    /// Ends session `index` of `admitted` at `offset` seconds after t0.
    func end(_ database: AppDatabase, _ sessions: [Session], after offset: TimeInterval) async throws {
        _ = try await database.endSessions(sessions.map { SessionEnding(sessionID: $0.id!, reason: .idle, endedAt: t0.addingTimeInterval(offset)) })
    }

    @Test func endedSessionsBeforeTheCutoffGoInBatchesAndLiveOnesStay() async throws {
        try await withFileDatabase { database, _ in
            let admitted = try await database.admit((1...25).map { Admission(session: visitor($0)) }, capacity: 100).compactMap(\.session)
            try await end(database, Array(admitted[0..<10]), after: 600)
            try await end(database, Array(admitted[10..<20]), after: 3000)
            let cutoff = t0.addingTimeInterval(1200)
            #expect(try await database.countEndedSessions(endedBefore: cutoff) == 10)
            #expect(try await database.purgeEndedSessions(endedBefore: cutoff, batchSize: 3) == 10)
            let left = try await database.liveSessions(at: t0)
            #expect(left.map(\.mac) == (21...25).map(mac))
            #expect(try await database.countEndedSessions(endedBefore: t0.addingTimeInterval(4000)) == 10)
            #expect(try await database.purgeEndedSessions(endedBefore: cutoff, batchSize: 3) == 0)
            // The open-session count the capacity check reads is untouched by purging ended rows.
            let open = try database.withConnection { try $0.integer("SELECT open FROM session_open_count") }
            #expect(open == 5)
        }
    }

    @Test func theLatestRecordedTimeIsTheLastStartOrEndOrFlush() async throws {
        let database = try AppDatabase.inMemory()
        #expect(try await database.latestRecordedTime() == nil)
        let admitted = try await database.admit([Admission(session: visitor(1, startingAfter: 100))], capacity: 10).compactMap(\.session)
        #expect(try await database.latestRecordedTime() == t0.addingTimeInterval(100))
        try await end(database, admitted, after: 500)
        #expect(try await database.latestRecordedTime() == t0.addingTimeInterval(500))
        let hour = UsageHour(date: LocalDate(year: 2025, month: 6, day: 15)!, hour: 17)!
        try await database.addUsage([UsageIncrement(hour: hour, metric: .helpPageViews, amount: 1)], batchID: "x", at: t0.addingTimeInterval(900))
        #expect(try await database.latestRecordedTime() == t0.addingTimeInterval(900))
    }
}
