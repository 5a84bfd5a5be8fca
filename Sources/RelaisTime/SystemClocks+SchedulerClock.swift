import RelaisCore

extension SystemClocks: SchedulerClock {
    public func sleep(untilMonotonic deadline: Duration) async throws {
        // Task.sleep measures on another clock than CLOCK_BOOTTIME: check and sleep again until ours agrees.
        while true {
            let remaining = deadline - monotonicNow()
            guard remaining > .zero else { return }
            try await Task.sleep(for: remaining)
        }
    }
}
