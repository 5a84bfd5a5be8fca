import CSQLite
import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseOutboxTests {
    static func report(_ day: Int, at offset: TimeInterval = 0) -> OutboxItem {
        let date = LocalDate(year: 2026, month: 11, day: day)!
        return OutboxItem(reportID: "daily-report.v1.mairie.\(date)", kind: .dailyReport, period: date,
                          body: Array("{\"day\":\(day)}".utf8), signature: [UInt8](repeating: 1, count: 64),
                          createdAt: t0.addingTimeInterval(offset))
    }

    static func duty(_ second: Int) -> OutboxItem {
        OutboxItem(reportID: "duty-status.v1.mairie.\(second)", kind: .dutyStatus, period: nil, body: Array("{}".utf8),
                   signature: [UInt8](repeating: 2, count: 64), createdAt: t0.addingTimeInterval(Double(second)))
    }

    @Test func enqueueIsIdempotentAndItemsLeaveInOrder() async throws {
        let database = try AppDatabase.inMemory()
        #expect(try await database.enqueue(Self.report(3)))
        #expect(try await database.enqueue(Self.report(1)))
        #expect(try await !database.enqueue(Self.report(3)))  // Same report id: stored once.
        #expect(try await database.outboxItems().map(\.reportID).count == 2)
        #expect(try await database.nextPending()?.period?.day == 3)  // Storage order, not date order.
        #expect(try await database.latestDailyReportDate()?.day == 3)
        try await database.markAcknowledged(Self.report(3).reportID, at: t0, status: 200)
        #expect(try await database.nextPending()?.period?.day == 1)
        try await database.markRetry(Self.report(1).reportID, next: t0.addingTimeInterval(60), status: 503)
        let retried = try #require(try await database.nextPending())
        #expect(retried.attempts == 1 && retried.lastStatus == 503 && retried.nextAttemptAt == t0.addingTimeInterval(60))
        try await database.markFailed(Self.report(1).reportID, status: 400)
        #expect(try await database.nextPending() == nil)
        let states = try await database.outboxItems().map(\.state)
        #expect(states == [.acknowledged, .failed])
        // An acknowledged item is never made pending or failed again.
        try await database.markFailed(Self.report(3).reportID, status: 400)
        #expect(try await database.outboxItems().first?.state == .acknowledged)
    }

    @Test func aNewDutyStatusSupersedesTheUnsentOnes() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await database.enqueue(Self.report(1))
        _ = try await database.enqueue(Self.duty(10))
        _ = try await database.enqueue(Self.duty(20))
        #expect(try await database.outboxItems().map(\.state) == [.pending, .superseded, .pending])
    }

    @Test func storedItemSurvivesAReopenAndIsPendingOnce() async throws {
        try await withFileDatabase { database, directory in
            _ = try await database.enqueue(Self.report(5))
            // The process dies here, before any send: a new process opens the file.
            let reopened = try AppDatabase.open(path: directory.databasePath)
            let item = try #require(try await reopened.nextPending())
            #expect(item == Self.report(5))
            try await reopened.markAcknowledged(item.reportID, at: t0, status: 200)
            #expect(try await reopened.nextPending() == nil)
            #expect(try await !reopened.enqueue(Self.report(5)))  // Building it again after a crash adds nothing.
        }
    }

    @Test func schemaRefusesMalformedRows() async throws {
        let database = try AppDatabase.inMemory()
        try database.withConnection { db in
            let invalid = [
                "('x', 'weekly', NULL, x'01', zeroblob(64), 0, 0)",
                "('x', 'daily-report', NULL, x'01', zeroblob(64), 0, 0)",
                "('x', 'duty-status', NULL, x'01', zeroblob(10), 0, 0)",
                "('Marie Dupont', 'duty-status', NULL, x'01', zeroblob(64), 0, 0)",
            ]
            for values in invalid {
                let refused = #expect(throws: SQLiteError.self, "\(values)") {
                    try db.execute("INSERT INTO outbox (report_id, kind, period, body, signature, created_at, next_attempt_at) VALUES \(values)")
                }
                #expect(refused?.resultCode == SQLITE_CONSTRAINT)
            }
        }
    }

    @Test func purgeKeepsPendingItems() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await database.enqueue(Self.report(1))
        _ = try await database.enqueue(Self.report(2))
        try await database.markAcknowledged(Self.report(1).reportID, at: t0, status: 200)
        #expect(try await database.purgeOutbox(before: t0.addingTimeInterval(1), batchSize: 10) == 1)
        #expect(try await database.outboxItems().map(\.period?.day) == [2])
    }
}
