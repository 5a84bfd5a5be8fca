import FoundationEssentials
import RelaisCore
import Synchronization

/// A scheduler clock the test moves: wall and monotonic time stand still until `advance` moves both (waking
/// sleepers in deadline order) or `jumpWall` steps the wall clock alone. Nothing really sleeps, so schedules
/// over days run in milliseconds and always the same way.
public final class TestSchedulerClock: SchedulerClock {
    private struct Sleeper {
        let id: UInt64
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var wall: Date
        var monotonic: Duration
        var sleepers: [Sleeper] = []
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>

    public init(wall: Date, monotonic: Duration = .seconds(1000)) {
        state = Mutex(State(wall: wall, monotonic: monotonic))
    }

    public func wallNow() -> Date { state.withLock { $0.wall } }

    public func monotonicNow() -> Duration { state.withLock { $0.monotonic } }

    public func sleep(untilMonotonic deadline: Duration) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
                    if state.cancelled.remove(id) != nil {
                        continuation.resume(throwing: CancellationError())
                        return []
                    }
                    if deadline <= state.monotonic {
                        continuation.resume()
                        return []
                    }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return Self.satisfiedWatchers(&state)
                }
                ready.forEach { $0.resume() }
            }
        } onCancel: {
            state.withLock { state in
                if let index = state.sleepers.firstIndex(where: { $0.id == id }) {
                    state.sleepers.remove(at: index).continuation.resume(throwing: CancellationError())
                } else {
                    state.cancelled.insert(id)
                }
            }
        }
    }

    /// Returns once at least `count` tasks are asleep on this clock (the scheduler has finished its work).
    public func waitForSleepers(_ count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                if state.sleepers.count >= count { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Moves both clocks on by `duration`. Each sleeper is woken at its own deadline, with the clocks reading that
    /// deadline, and the clock waits for it to sleep again before going further. Call it while the tasks under
    /// test are asleep (`waitForSleepers`); a woken task that ends instead of sleeping again makes it wait forever.
    public func advance(by duration: Duration) async {
        let (target, asleep) = state.withLock { ($0.monotonic + duration, $0.sleepers.count) }
        while true {
            let woken: [Sleeper] = state.withLock { state in
                guard let first = state.sleepers.map(\.deadline).min(), first <= target else {
                    Self.move(&state, to: target)
                    return []
                }
                Self.move(&state, to: first)
                let woken = state.sleepers.filter { $0.deadline <= first }
                state.sleepers.removeAll { $0.deadline <= first }
                return woken
            }
            if woken.isEmpty { return }
            woken.forEach { $0.continuation.resume() }
            await waitForSleepers(asleep)
        }
    }

    /// Steps the wall clock alone, by `seconds` (negative: backwards), as NTP or an operator's `date` does.
    /// Wakes nobody: a sleeper notices at its next wake.
    public func jumpWall(by seconds: Double) {
        state.withLock { $0.wall = $0.wall.addingTimeInterval(seconds) }
    }

    private static func move(_ state: inout State, to monotonic: Duration) {
        let step = monotonic - state.monotonic
        state.wall = state.wall.addingTimeInterval(Double(step.components.seconds) + Double(step.components.attoseconds) / 1e18)
        state.monotonic = monotonic
    }

    private static func satisfiedWatchers(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        let count = state.sleepers.count
        let ready = state.watchers.filter { $0.count <= count }.map(\.continuation)
        state.watchers.removeAll { $0.count <= count }
        return ready
    }
}
