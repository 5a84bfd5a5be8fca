import FoundationEssentials
import Glibc
import RelaisCore

/// The machine's clocks: CLOCK_REALTIME for records, CLOCK_BOOTTIME (counts suspend, never jumps) for durations.
public struct SystemClocks: Clocks {
    public init() {}

    public func wallNow() -> Date { Date() }

    public func monotonicNow() -> Duration {
        var spec = timespec()
        // CLOCK_BOOTTIME exists on every Linux this runs on; it cannot fail with a valid pointer.
        clock_gettime(CLOCK_BOOTTIME, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }
}
