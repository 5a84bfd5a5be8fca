import FoundationEssentials
import RelaisCore

/// When each job is next due: the scheduler's bookkeeping, a pure value that tests drive with any clock readings.
///
/// Daily jobs and wall-clock jumps: a daily job remembers the occurrence it last ran for. It runs when the wall
/// clock reaches its next occurrence, once however far the clock jumped past it (missed days are not replayed;
/// the run is told its occurrence and can catch up itself), and its next occurrence is then the first after the
/// current wall time. When the wall clock goes backwards, the next occurrence is recomputed from the new wall
/// time, skipping the occurrence last run: so a clock set back by a minute or an hour after midnight does not
/// run the midnight job twice, and a clock corrected back by days does not leave it waiting days.
struct SchedulerTimetable {
    enum Slot: Equatable {
        case interval(period: Duration, next: Duration)
        case daily(time: LocalTime, next: Date, lastRunFor: Date?)
    }

    let zone: TimeZoneRules
    private(set) var slots: [Slot]
    private(set) var lastSeenWall: Date

    init(timings: [ScheduledJob.Timing], zone: TimeZoneRules, wall: Date, monotonic: Duration) {
        self.zone = zone
        lastSeenWall = wall
        slots = timings.map { timing in
            switch timing {
            case .every(let period, let startingNow):
                .interval(period: period, next: startingNow ? monotonic : monotonic + period)
            case .daily(let time):
                .daily(time: time, next: zone.nextOccurrence(of: time, after: wall), lastRunFor: nil)
            }
        }
    }

    /// The jobs due at these readings, in job order, with the occurrence each daily run is for. Their next
    /// times move on.
    mutating func takeDue(wall: Date, monotonic: Duration) -> [(index: Int, occurrence: Date?)] {
        let wentBack = wall < lastSeenWall
        lastSeenWall = wall
        var due: [(index: Int, occurrence: Date?)] = []
        for index in slots.indices {
            switch slots[index] {
            case .interval(let period, var next):
                guard monotonic >= next else { continue }
                due.append((index, nil))
                next += period
                // Late by more than a period (a long job, a suspended machine): no burst of catch-up runs.
                if next <= monotonic { next = monotonic + period }
                slots[index] = .interval(period: period, next: next)
            case .daily(let time, var next, var lastRunFor):
                if wentBack {
                    next = zone.nextOccurrence(of: time, after: wall)
                    if next == lastRunFor { next = zone.nextOccurrence(of: time, after: next) }
                }
                if wall >= next {
                    due.append((index, next))
                    lastRunFor = next
                    next = zone.nextOccurrence(of: time, after: wall)
                }
                slots[index] = .daily(time: time, next: next, lastRunFor: lastRunFor)
            }
        }
        return due
    }

    /// The monotonic instant to wake at: the next interval run, or the next daily occurrence as the wall clock
    /// counts now. Never more than `wallCheck` ahead while a daily job waits, so that a wall-clock step is seen
    /// within that time.
    func nextWake(wall: Date, monotonic: Duration, wallCheck: Duration) -> Duration {
        var wake: Duration? = nil
        for slot in slots {
            let candidate: Duration
            switch slot {
            case .interval(_, let next):
                candidate = next
            case .daily(_, let next, _):
                let untilDue = Duration.seconds(max(0, next.timeIntervalSince(wall)))
                candidate = monotonic + min(untilDue, wallCheck)
            }
            wake = min(wake ?? candidate, candidate)
        }
        return wake ?? monotonic + wallCheck
    }
}
