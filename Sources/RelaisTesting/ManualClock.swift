import FoundationEssentials
import RelaisCore
import Synchronization

/// Both clocks of `Clocks`, moved by hand: `advance` is time passing (both move), `jumpWall` is the
/// wall clock being set (NTP, an operator's `date`) while monotonic time goes on undisturbed.
public final class ManualClock: Clocks {
    private struct Reading {
        var wall: Date
        var monotonic: Duration
    }

    private let current: Mutex<Reading>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000), monotonic: Duration = .seconds(1_000)) {
        current = Mutex(Reading(wall: start, monotonic: monotonic))
    }

    /// The wall clock.
    public var now: Date { current.withLock { $0.wall } }

    public func wallNow() -> Date { now }

    public func monotonicNow() -> Duration { current.withLock { $0.monotonic } }

    /// Time passes: both clocks move by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock {
            $0.wall = $0.wall.addingTimeInterval(seconds)
            $0.monotonic += .milliseconds(Int64((seconds * 1000).rounded()))
        }
    }

    /// The wall clock is set `seconds` forward (or backward when negative); monotonic time does not move.
    public func jumpWall(by seconds: TimeInterval) {
        current.withLock { $0.wall = $0.wall.addingTimeInterval(seconds) }
    }
}
