import FoundationEssentials
import Logging
import RelaisCore
import ServiceLifecycle

/// Runs jobs every N seconds (monotonic time) and daily at a local time (wall time in the configured zone),
/// as a service: `run()` until cancelled or a graceful shutdown.
///
/// Jobs run one at a time, in the scheduler's task; a long job delays the others. A job that throws is logged
/// and runs again at its next time. On a DST night a daily job whose time is skipped runs once at the end of the
/// gap (02:30 → 03:00 in Paris in March); a time shown twice runs once, at its first showing. Wall-clock jumps:
/// see `SchedulerTimetable`.
public struct Scheduler: Service {
    public let zone: TimeZoneRules
    private let clock: any SchedulerClock
    private let logger: Logger
    private let wallCheck: Duration
    public private(set) var jobs: [ScheduledJob] = []

    /// `wallCheckInterval` bounds how late a wall-clock step is noticed by daily jobs.
    public init(zone: TimeZoneRules, clock: any SchedulerClock, logger: Logger, wallCheckInterval: Duration = .seconds(60)) {
        self.zone = zone
        self.clock = clock
        self.logger = logger
        wallCheck = wallCheckInterval
    }

    /// Adds a job that runs every `interval` of monotonic time.
    public mutating func every(_ interval: Duration, startingNow: Bool = false, named name: String,
                               _ action: @escaping @Sendable (ScheduledRun) async throws -> Void) {
        precondition(interval > .zero, "a job's interval must be positive")
        jobs.append(ScheduledJob(name: name, timing: .every(interval, startingNow: startingNow), action: action))
    }

    /// Adds a job that runs each day when the zone's wall clock reads `time`.
    public mutating func daily(at time: LocalTime, named name: String,
                               _ action: @escaping @Sendable (ScheduledRun) async throws -> Void) {
        jobs.append(ScheduledJob(name: name, timing: .daily(at: time), action: action))
    }

    public func run() async throws {
        var table = SchedulerTimetable(timings: jobs.map(\.timing), zone: zone,
                                       wall: clock.wallNow(), monotonic: clock.monotonicNow())
        logger.info("scheduler started", metadata: ["scheduler.jobs": "\(jobs.count)", "scheduler.zone": "\(zone.name)"])
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let wall = clock.wallNow()
            if wall < table.lastSeenWall {
                logger.notice("wall clock went backwards; daily jobs rescheduled",
                              metadata: ["scheduler.jump_seconds": "\(Int(wall.timeIntervalSince(table.lastSeenWall)))"])
            }
            for due in table.takeDue(wall: wall, monotonic: clock.monotonicNow()) {
                guard !Task.isCancelled, !Task.isShuttingDownGracefully else { break }
                await run(jobs[due.index], occurrence: due.occurrence)
            }
            let wake = table.nextWake(wall: clock.wallNow(), monotonic: clock.monotonicNow(), wallCheck: wallCheck)
            let clock = clock
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(untilMonotonic: wake) }
            } catch {
                break  // Cancelled: the service group is stopping.
            }
        }
        logger.info("scheduler stopped")
    }

    private func run(_ job: ScheduledJob, occurrence: Date?) async {
        let run = ScheduledRun(job: job.name, wallTime: clock.wallNow(), occurrence: occurrence,
                               localDate: occurrence.map { zone.localDate(at: $0) })
        logger.debug("scheduled job starting", metadata: ["scheduler.job": "\(job.name)"])
        do {
            try await job.action(run)
        } catch is CancellationError where Task.isCancelled {
            // Stopping: not a failure of the job.
        } catch {
            logger.error("scheduled job failed", metadata: ["scheduler.job": "\(job.name)", "scheduler.error": "\(error)"])
        }
    }
}

extension Scheduler: CustomStringConvertible {
    /// Short: the service group logs it, and the zone's whole transition table would flood the line.
    public var description: String { "Scheduler(\(jobs.map(\.name).joined(separator: ", ")); \(zone.name))" }
}
