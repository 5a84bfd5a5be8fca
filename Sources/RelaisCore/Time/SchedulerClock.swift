/// The clocks a scheduler reads, and a way to wait on the monotonic one. A test double moves time by hand
/// so that schedules run deterministically without real sleeping.
public protocol SchedulerClock: Clocks {
    /// Suspends until `monotonicNow()` reaches `deadline`; returns at once if it has. Throws
    /// `CancellationError` when the calling task is cancelled.
    func sleep(untilMonotonic deadline: Duration) async throws
}
