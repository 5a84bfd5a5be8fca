import FoundationEssentials
import RelaisCore

/// A job the scheduler runs, and when.
public struct ScheduledJob: Sendable {
    /// When a job runs.
    public enum Timing: Sendable, Hashable {
        /// Every `interval` of monotonic time (wall-clock jumps do not move it); the first run one interval
        /// after the start, or at once when `startingNow`.
        case every(Duration, startingNow: Bool)
        /// Once a day, when the configured zone's wall clock reads this time (see `Scheduler` for DST days).
        case daily(at: LocalTime)
    }

    /// A short constant name for logs ("sweep", "day-boundary").
    public let name: String
    public let timing: Timing
    public let action: @Sendable (ScheduledRun) async throws -> Void

    public init(name: String, timing: Timing, action: @escaping @Sendable (ScheduledRun) async throws -> Void) {
        self.name = name
        self.timing = timing
        self.action = action
    }
}

/// What a job is told when it runs.
public struct ScheduledRun: Sendable, Equatable {
    /// The job's name.
    public let job: String
    /// Wall time when the run started.
    public let wallTime: Date
    /// For a daily job, the instant this run is for: when the wall clock read the job's time, or the end of the
    /// DST gap that skipped it. It is earlier than `wallTime` when the wall clock jumped over it.
    public let occurrence: Date?
    /// For a daily job, the local date of `occurrence`.
    public let localDate: LocalDate?
}
