import Foundation
import RelaisCore
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

/// Time travel over the retention table: rows of every category are created, the clock moves past each
/// retention in turn, and each purge removes exactly the rows past their retention and nothing else.
///
/// To extend: add a `Category` (how to create its rows at the start, how to count those still there, and
/// when they are due) for each category whose purge step is registered in `AppDatabase.purgeSteps(in:)`.
@Suite struct RetentionTimeTravelTests {
    struct Category {
        var id: RetentionCategory.ID
        /// Seconds after the start when this category's rows are past retention.
        var dueAfter: TimeInterval
        /// Rows that must stay whatever the clock (live sessions): counted apart.
        var count: @Sendable (AppDatabase) async throws -> (purgeable: Int, kept: Int)
    }

    @Test func eachPurgeRemovesExactlyWhatIsPastItsRetention() async throws {
        let rig = try UsageRig(database: try AppDatabase.temporary())
        let start = rig.clock.now
        try await rig.gateway.start()
        for n in 1...6 { await rig.accept(n) }
        rig.clock.advance(by: 600)
        for n in 1...4 { _ = await rig.logout(n) }  // 4 ended, 2 live
        await rig.usage.flush()
        let endedAt = rig.clock.now

        // The usage rows are dated by their local day; they go once the cutoff passes the end of that day.
        let usageDay = paris.localDate(at: start)
        let usageDue = paris.startOfDay(usageDay.adding(days: 1)).addingTimeInterval(Double(RetentionPolicy.usageAggregateDays) * 86_400)
            .timeIntervalSince(start)
        let categories = [
            Category(id: .sessions, dueAfter: endedAt.timeIntervalSince(start) + Double(RetentionPolicy.endedSessionDays) * 86_400) { db in
                let rows = try await db.sessionRows()
                return (rows.filter { $0.endedAt != nil }.count, rows.filter { $0.endedAt == nil }.count)
            },
            Category(id: .usageAggregates, dueAfter: usageDue) { db in
                (try await db.usage(from: usageDay.adding(days: -1), through: usageDay.adding(days: 1)).count, 0)
            },
        ]
        let job = PurgeJob(steps: rig.database.purgeSteps(in: paris), clocks: rig.clock,
                           plausibility: ClockPlausibility(latestRecorded: endedAt), batchSize: 2, logger: rig.logs.logger())
        #expect(Set(job.steps.map(\.category)) == Set(categories.map(\.id)), "every registered step is travelled")

        var before: [RetentionCategory.ID: (purgeable: Int, kept: Int)] = [:]
        for category in categories { before[category.id] = try await category.count(rig.database) }
        #expect(before[.sessions]! == (4, 2))
        #expect(before[.usageAggregates]!.purgeable > 0)

        for (index, category) in categories.sorted(by: { $0.dueAfter < $1.dueAfter }).enumerated() {
            // Just before: nothing of it goes.
            rig.clock.advance(by: start.addingTimeInterval(category.dueAfter - 60).timeIntervalSince(rig.clock.now))
            let early = await job.run()
            #expect(early.removed[category.id] == 0, "\(category.id) purged before its time")
            // Just after: all of it goes, and nothing of the categories not yet due.
            rig.clock.advance(by: 120)
            let report = await job.run()
            #expect(report.failed.isEmpty)
            #expect(report.removed[category.id] == before[category.id]!.purgeable, "\(category.id)")
            for other in categories {
                let now = try await other.count(rig.database)
                let due = categories.sorted(by: { $0.dueAfter < $1.dueAfter }).prefix(index + 1).contains { $0.id == other.id }
                #expect(now.purgeable == (due ? 0 : before[other.id]!.purgeable), "\(other.id) after \(category.id)'s retention")
                #expect(now.kept == before[other.id]!.kept, "\(other.id): rows to keep were purged")
            }
        }
        // Live sessions are still live, in the store and the firewall.
        #expect(rig.gateway.directory.count == 2)
    }
}
