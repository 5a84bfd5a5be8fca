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
        database.purgeSteps(in: zone) + [
            // One line per category whose owner provides the purge, e.g.:
            // .repeating(category: .legalLog) { now, limit in try await database.purgeLegalEntries(endedBefore: RetentionPolicy.cutoff(for: .legalLog, at: now, in: zone)!, limit: limit) },
            // .repeating(category: .consents) { now, limit in try await database.purgeExpiredConsents(now: now, limit: limit) },
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
