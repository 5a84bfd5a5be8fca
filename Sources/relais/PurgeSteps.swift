import FoundationEssentials
import Logging
import RelaisCore
import RelaisGateway
import RelaisStore
import RelaisTime

/// The purge steps (`AppDatabase.purgeSteps(in:)`, one per retention category) and their schedule,
/// shared by `serve` and `relais purge`.
enum PurgeSteps {
    static func standard(database: AppDatabase, zone: TimeZoneRules) -> [PurgeStep] {
        database.purgeSteps(in: zone)
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
