import Synchronization

/// A first-in, first-out queue of jobs for the threads that own the connections.
///
/// Jobs run in the order they were queued: a long job that queues its next batch at the end lets the
/// writes that arrived meanwhile run first.
final class ConnectionJobQueue: Sendable {
    /// A job receives the connection of the thread that runs it; the connection never leaves that thread.
    typealias Job = @Sendable (SQLiteConnection) -> Void

    private struct State {
        /// Two stacks make a queue with O(1) amortized pops: jobs go in `incoming`, come out of `outgoing`.
        var incoming: [Job] = []
        var outgoing: [Job] = []
        var closed = false
    }

    private let state = Mutex(State())
    /// Counts the jobs queued (and wake-ups at closing), so a waiting thread never misses one.
    private let wakeup = ThreadSemaphore()

    /// Queues `job`; false, without queuing it, once the queue is closed.
    func enqueue(_ job: @escaping Job) -> Bool {
        let accepted = state.withLock { state in
            guard !state.closed else { return false }
            state.incoming.append(job)
            return true
        }
        if accepted { wakeup.signal() }
        return accepted
    }

    /// The next job, waiting for one if needed: called only by the connections' own threads. Nil once
    /// the queue is closed and every job queued before has been handed out.
    func next() -> Job? {
        while true {
            let (job, closed) = state.withLock { state -> (Job?, Bool) in
                if state.outgoing.isEmpty {
                    state.outgoing = state.incoming.reversed()
                    state.incoming.removeAll(keepingCapacity: true)
                }
                return (state.outgoing.popLast(), state.closed)
            }
            if let job { return job }
            if closed {
                // Passes the closing wake-up on to the next thread waiting on this queue.
                wakeup.signal()
                return nil
            }
            wakeup.wait()
        }
    }

    /// Refuses new jobs; the threads finish the queued ones, then stop.
    func close() {
        state.withLock { $0.closed = true }
        wakeup.signal()
    }

    /// Jobs queued and not yet handed to a thread (tests use it to order events without timing).
    var pendingCount: Int {
        state.withLock { $0.incoming.count + $0.outgoing.count }
    }
}
