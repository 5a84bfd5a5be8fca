import FoundationEssentials
import Logging
import RelaisCore
import RelaisGateway
import RelaisStore
import RelaisTime

/// The purge steps of every retention category that has rows to remove (`RetentionPolicy`), one line each,
/// shared by `serve` (hourly) and `relais purge`.
enum PurgeSteps {
    static func standard(database: AppDatabase, zone: TimeZoneRules) -> [PurgeStep] {
        @Sendable func cutoff(_ id: RetentionCategory.ID, _ now: Date) -> Date {
            RetentionPolicy.cutoff(for: id, at: now, in: zone) ?? now
        }
        @Sendable func usageDay(_ now: Date) -> LocalDate { zone.localDate(at: cutoff(.usageAggregates, now)) }
        return [
            PurgeStep(category: .sessions, count: { now in
                try await database.countEndedSessions(endedBefore: cutoff(.sessions, now))
            }) { now, batch in
                try await database.purgeEndedSessions(endedBefore: cutoff(.sessions, now), batchSize: batch)
            },
            PurgeStep(category: .usageAggregates, count: { now in try await database.countUsage(before: usageDay(now)) }) { now, batch in
                // Flush marks only guard a retry of the last minutes: a day is ample.
                try await database.purgeUsage(before: usageDay(now), flushesBefore: now.addingTimeInterval(-86_400), batchSize: batch)
            },
            // The other categories' owners provide their purge; register each with one line, e.g.
            // PurgeStep.repeating(category: .legalLog) { now, limit in try await database.purgeLegalEntries(endedBefore: cutoff(.legalLog, now), limit: limit) },
            // PurgeStep.repeating(category: .consents) { now, limit in try await database.purgeExpiredConsents(now: now, limit: limit) },
        ]
    }

    /// The hourly purge (first run at start), the usage flush every five minutes, and the usage stream's new
    /// day at local midnight (yesterday's counts flushed, its key dropped).
    static func schedule(on scheduler: inout Scheduler, purge: PurgeJob, database: AppDatabase, usage: UsageRecorder) {
        scheduler.every(.seconds(3600), startingNow: true, named: "purge") { _ in
            let report = await purge.run()
            if !report.skippedForClock, report.removed.values.contains(where: { $0 > 0 }) {
                _ = try await database.truncateWALAfterPurge()
            }
        }
        scheduler.every(.seconds(300), named: "usage-flush") { _ in await usage.flush() }
        scheduler.daily(at: .midnight, named: "usage-day") { run in
            await usage.flush()
            if let day = run.localDate { usage.beginDay(day) }
        }
    }
}
