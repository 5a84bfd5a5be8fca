import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseUsageTests {
    let march2 = LocalDate(year: 2026, month: 3, day: 2)!
    func hour(_ day: LocalDate, _ hour: Int) -> UsageHour { UsageHour(date: day, hour: hour)! }

    @Test func incrementsAddUpAcrossFlushes() async throws {
        let database = try AppDatabase.inMemory()
        let nine = hour(march2, 9)
        try await database.addUsage([UsageIncrement(hour: nine, metric: .sessionsStarted, amount: 2)], batchID: "a", at: t0)
        try await database.addUsage([
            UsageIncrement(hour: nine, metric: .sessionsStarted, amount: 3),
            UsageIncrement(hour: nine, metric: .devicesFirstSeen, amount: 1),
        ], batchID: "b", at: t0)
        #expect(try await database.usage(from: march2, through: march2) == [
            UsageIncrement(hour: nine, metric: .devicesFirstSeen, amount: 1),
            UsageIncrement(hour: nine, metric: .sessionsStarted, amount: 5),
        ])
    }

    /// A flush whose answer was lost is sent again with the same batch: it counts once.
    @Test func aRetriedBatchCountsOnce() async throws {
        let database = try AppDatabase.inMemory()
        let increments = [UsageIncrement(hour: hour(march2, 14), metric: .helpPageViews, amount: 7)]
        try await database.addUsage(increments, batchID: "retry", at: t0)
        try await database.addUsage(increments, batchID: "retry", at: t0)
        #expect(try await database.usage(from: march2, through: march2).map(\.amount) == [7])
    }

    @Test func thePurgeRemovesWholeDaysBeforeTheCutoffOnly() async throws {
        let database = try AppDatabase.inMemory()
        var increments: [UsageIncrement] = []
        for offset in 0..<5 {
            for h in 0..<24 { increments.append(UsageIncrement(hour: hour(march2.adding(days: offset), h), metric: .sessionsStarted, amount: 1)) }
        }
        try await database.addUsage(increments, batchID: "old", at: t0)
        try await database.addUsage(increments.prefix(1).map { $0 }, batchID: "new", at: t0.addingTimeInterval(86_400 * 2))
        let cutoff = march2.adding(days: 3)
        #expect(try await database.countUsage(before: cutoff) == 72)
        let removed = try await database.purgeUsage(before: cutoff, flushesBefore: t0.addingTimeInterval(86_400), batchSize: 10)
        #expect(removed == 72)
        let left = try await database.usage(from: march2, through: march2.adding(days: 10))
        #expect(Set(left.map(\.hour.date)) == [march2.adding(days: 3), march2.adding(days: 4)])
        #expect(left.count == 48)
        // The old flush mark went, the recent one stayed.
        let marks = try database.withConnection { try $0.fetchAll("SELECT batch_id FROM usage_flush") { $0.string(at: 0) } }
        #expect(marks == ["new"])
        #expect(try await database.purgeUsage(before: cutoff, flushesBefore: t0, batchSize: 10) == 0)
    }
}
