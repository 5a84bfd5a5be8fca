import FoundationEssentials
import Logging
import RelaisCore
import RelaisTesting
import RelaisTime
import ServiceLifecycle
import Synchronization
import Testing

/// Collects what the jobs were told, and the monotonic time they ran at.
final class RunLog: Sendable {
    private let entries = Mutex<[(run: ScheduledRun, monotonic: Duration)]>([])
    let clock: TestSchedulerClock

    init(_ clock: TestSchedulerClock) { self.clock = clock }

    func record(_ run: ScheduledRun) { entries.withLock { $0.append((run, clock.monotonicNow())) } }
    func runs(_ job: String) -> [ScheduledRun] { entries.withLock { $0.filter { $0.run.job == job }.map(\.run) } }
    func monotonic(_ job: String) -> [Duration] { entries.withLock { $0.filter { $0.run.job == job }.map(\.monotonic) } }
}

struct SchedulerError: Error {}

@Suite struct SchedulerTests {
    let paris: TimeZoneRules
    init() throws { paris = try ZoneInfoDatabase().rules(named: "Europe/Paris") }

    func wall(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        paris.instant(for: LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)!)
    }

    /// Runs `scheduler` on `clock` while `body` moves time, then stops it by cancellation.
    func running(_ scheduler: Scheduler, on clock: TestSchedulerClock, _ body: () async throws -> Void) async throws {
        let task = Task { try await scheduler.run() }
        await clock.waitForSleepers()
        try await body()
        task.cancel()
        try await task.value
    }

    static let changes: [(year: Int, month: Int, day: Int, utc: Int, springForward: Bool)] = [
        (2026, 3, 29, 1_774_746_000, true), (2026, 10, 25, 1_792_890_000, false),
        (2027, 3, 28, 1_806_195_600, true), (2027, 10, 31, 1_824_944_400, false),
    ]

    @Test(arguments: changes)
    func dailyJobsAt0230AndMidnightAcrossAChangeNight(change: (year: Int, month: Int, day: Int, utc: Int, springForward: Bool)) async throws {
        let changeDay = LocalDate(year: change.year, month: change.month, day: change.day)!
        let start = changeDay.adding(days: -2)
        let clock = TestSchedulerClock(wall: wall(start.year, start.month, start.day, 12))
        let log = RunLog(clock)
        var scheduler = Scheduler(zone: paris, clock: clock, logger: LogRecorder().logger())
        scheduler.daily(at: LocalTime(hour: 2, minute: 30)!, named: "night") { log.record($0) }
        scheduler.daily(at: .midnight, named: "midnight") { log.record($0) }
        try await running(scheduler, on: clock) { await clock.advance(by: .seconds(4 * 86_400)) }

        let night = log.runs("night")
        #expect(night.map(\.localDate) == (-1...2).map { changeDay.adding(days: $0) })
        #expect(night.allSatisfy { $0.occurrence == $0.wallTime })
        // On the change night itself: 03:00 CEST at the end of the gap, or the first of the two 02:30s.
        let expectedOnChangeDay = Double(change.springForward ? change.utc : change.utc - 1800)
        #expect(night[1].wallTime.timeIntervalSince1970 == expectedOnChangeDay)
        for index in [0, 2, 3] {
            #expect(paris.localDateTime(at: night[index].wallTime).time == LocalTime(hour: 2, minute: 30))
        }

        let midnight = log.runs("midnight")
        #expect(midnight.map(\.localDate) == (-1...2).map { changeDay.adding(days: $0) })
        #expect(midnight.allSatisfy { paris.localDateTime(at: $0.wallTime).time == .midnight })
        let gaps = zip(midnight, midnight.dropFirst()).map { Int($1.wallTime.timeIntervalSince($0.wallTime)) }
        #expect(gaps == [86_400, change.springForward ? 82_800 : 90_000, 86_400])
    }

    @Test func everyNSecondsRunsOnMonotonicTimeThroughAChangeNight() async throws {
        // 25 October 2026, 01:30 CEST: two hours of wall time that read 01:30 → 02:30, back to 02:00 → 02:30.
        let clock = TestSchedulerClock(wall: Date(timeIntervalSince1970: 1_792_885_800))
        let log = RunLog(clock)
        var scheduler = Scheduler(zone: paris, clock: clock, logger: LogRecorder().logger())
        scheduler.every(.seconds(45), named: "sweep") { log.record($0) }
        scheduler.every(.seconds(600), startingNow: true, named: "purge") { log.record($0) }
        try await running(scheduler, on: clock) { await clock.advance(by: .seconds(7200)) }

        let sweeps = log.monotonic("sweep")
        #expect(sweeps.count == 160)
        #expect(zip(sweeps, sweeps.dropFirst()).allSatisfy { $1 - $0 == .seconds(45) })
        #expect(sweeps.first == .seconds(1045))
        #expect(log.monotonic("purge") == (0...12).map { .seconds(1000 + 600 * $0) })
        #expect(log.runs("sweep").allSatisfy { $0.occurrence == nil && $0.localDate == nil })
    }

    @Test func aFailingJobIsLoggedAndRunsAgainAtItsNextTime() async throws {
        let clock = TestSchedulerClock(wall: wall(2026, 3, 28, 12))
        let log = RunLog(clock)
        let recorder = LogRecorder()
        var scheduler = Scheduler(zone: paris, clock: clock, logger: recorder.logger())
        scheduler.every(.seconds(10), named: "flaky") { log.record($0); throw SchedulerError() }
        scheduler.daily(at: LocalTime(hour: 2, minute: 30)!, named: "night") { log.record($0); throw SchedulerError() }
        try await running(scheduler, on: clock) { await clock.advance(by: .seconds(2 * 86_400)) }

        #expect(log.runs("flaky").count == 2 * 8640)
        #expect(log.runs("night").count == 2)
        let failures = recorder.all.filter { $0.message == "scheduled job failed" }
        #expect(failures.count == 2 * 8640 + 2)
        #expect(failures.allSatisfy { $0.level == .error })
        #expect(failures.filter { $0.metadata["scheduler.job"] == "night" }.count == 2)
    }

    @Test func aWallClockJumpForwardRunsADailyJobOnceNotOncePerMissedDay() async throws {
        let clock = TestSchedulerClock(wall: wall(2026, 3, 27, 12))
        let log = RunLog(clock)
        var scheduler = Scheduler(zone: paris, clock: clock, logger: LogRecorder().logger())
        scheduler.daily(at: .midnight, named: "midnight") { log.record($0) }
        try await running(scheduler, on: clock) {
            await clock.advance(by: .seconds(86_400))       // 28 March 12:00, ran at 00:00
            clock.jumpWall(by: 3 * 86_400)                  // 31 March 12:00: three midnights jumped over
            await clock.advance(by: .seconds(120))
            #expect(log.runs("midnight").count == 2)
            await clock.advance(by: .seconds(86_400))       // 1 April 12:00
        }
        let runs = log.runs("midnight")
        #expect(runs.map(\.localDate) == [LocalDate(year: 2026, month: 3, day: 28), LocalDate(year: 2026, month: 3, day: 29),
                                          LocalDate(year: 2026, month: 4, day: 1)])
        // The late run is told which occurrence it stands for.
        #expect(runs[1].occurrence == wall(2026, 3, 29, 0))
        #expect(runs[1].wallTime > wall(2026, 3, 31, 12))
        #expect(runs[2].wallTime == wall(2026, 4, 1, 0))
    }

    @Test func aWallClockJumpBackwardNeitherRepeatsNorStallsADailyJob() async throws {
        let clock = TestSchedulerClock(wall: wall(2026, 10, 24, 12))
        let log = RunLog(clock)
        let recorder = LogRecorder()
        var scheduler = Scheduler(zone: paris, clock: clock, logger: recorder.logger())
        scheduler.daily(at: .midnight, named: "midnight") { log.record($0) }
        try await running(scheduler, on: clock) {
            await clock.advance(by: .seconds(12 * 3600 + 600))   // 25 October 00:10, ran at 00:00
            clock.jumpWall(by: -3600)                           // back to 24 October 23:10
            await clock.advance(by: .seconds(2 * 3600))         // the same midnight again: not run twice
            #expect(log.runs("midnight").count == 1)
            await clock.advance(by: .seconds(24 * 3600))        // 26 October 00:00 comes: runs
            #expect(log.runs("midnight").count == 2)
            clock.jumpWall(by: -4 * 86_400)                     // a clock corrected back by four days
            await clock.advance(by: .seconds(86_400))           // runs at the next midnight it reads
        }
        let runs = log.runs("midnight")
        #expect(runs.map(\.localDate) == [LocalDate(year: 2026, month: 10, day: 25), LocalDate(year: 2026, month: 10, day: 26),
                                          LocalDate(year: 2026, month: 10, day: 23)])
        #expect(runs.allSatisfy { $0.occurrence == $0.wallTime })
        #expect(recorder.all.filter { $0.message == "wall clock went backwards; daily jobs rescheduled" }.count == 2)
    }

    @Test func stopsOnGracefulShutdownOfItsServiceGroup() async throws {
        let clock = TestSchedulerClock(wall: wall(2026, 3, 28, 12))
        let log = RunLog(clock)
        let recorder = LogRecorder()
        var scheduler = Scheduler(zone: paris, clock: clock, logger: recorder.logger())
        scheduler.every(.seconds(30), named: "sweep") { log.record($0) }
        let group = ServiceGroup(configuration: .init(services: [.init(service: scheduler)], logger: recorder.logger()))
        let task = Task { try await group.run() }
        await clock.waitForSleepers()
        await clock.advance(by: .seconds(90))
        await group.triggerGracefulShutdown()
        try await task.value
        #expect(log.runs("sweep").count == 3)
        #expect(recorder.all.contains { $0.message == "scheduler stopped" })
    }
}
