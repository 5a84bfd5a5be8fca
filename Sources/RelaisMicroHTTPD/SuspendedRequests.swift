import CMicroHTTPD
import RelaisHTTP
import Synchronization

/// A connection handle that may cross threads.
/// Unchecked because it is only used for `MHD_resume_connection`, which MHD allows from any thread,
/// and only while the connection is suspended, when MHD keeps it alive.
struct SuspendedConnection: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Where an async response waits until MHD calls the access handler again after resuming.
final class ResponseSlot: Sendable {
    private struct State {
        var response: HTTPResponse?
        var finished = false
    }

    private let state = Mutex(State())

    func put(_ value: HTTPResponse) { state.withLock { $0.response = value } }
    func take() -> HTTPResponse? { state.withLock { $0.response.take() } }

    /// Called when MHD is done with the request (answered, or the connection closed).
    func markFinished() { state.withLock { $0.finished = true } }
    var isFinished: Bool { state.withLock { $0.finished } }
}

/// The connections suspended while their response is computed off the MHD threads.
/// Each one is resumed exactly once, by its task or by `drain`, always under the lock, so that
/// `MHD_stop_daemon` (which panics on a still-suspended connection) runs only after every resume.
final class SuspendedRequests: Sendable {
    private struct Entry {
        let connection: SuspendedConnection
        let slot: ResponseSlot
        var task: Task<Void, Never>?
    }

    private struct State {
        var draining = false
        var nextTicket: UInt64 = 0
        var entries: [UInt64: Entry] = [:]
    }

    private let state = Mutex(State())

    /// True once `drain` ran: answers then close their connection.
    var isDraining: Bool { state.withLock { $0.draining } }

    /// Records a connection the caller has just suspended; returns its ticket,
    /// or nil when the server is stopping (the caller must then resume it itself).
    func register(_ connection: SuspendedConnection, slot: ResponseSlot) -> UInt64? {
        state.withLock { state in
            guard !state.draining else { return nil }
            state.nextTicket += 1
            state.entries[state.nextTicket] = Entry(connection: connection, slot: slot, task: nil)
            return state.nextTicket
        }
    }

    /// Keeps the task computing a response so that `drain` can cancel it.
    func attach(_ task: Task<Void, Never>, to ticket: UInt64) {
        let orphan = state.withLock { state -> Bool in
            guard state.entries[ticket] != nil else { return state.draining }
            state.entries[ticket]?.task = task
            return false
        }
        if orphan { task.cancel() }
    }

    /// Hands the response over and resumes the connection, unless `drain` already did.
    func complete(_ ticket: UInt64, with response: HTTPResponse) {
        state.withLock { state in
            guard let entry = state.entries.removeValue(forKey: ticket) else { return }
            entry.slot.put(response)
            MHD_resume_connection(entry.connection.pointer)
        }
    }

    /// Stops taking new suspensions, answers every waiting connection with `response` and cancels
    /// the tasks; their late results are dropped. Returns the slots of the resumed requests.
    func drain(answering response: HTTPResponse) -> [ResponseSlot] {
        let (slots, tasks) = state.withLock { state -> ([ResponseSlot], [Task<Void, Never>]) in
            state.draining = true
            let entries = state.entries.values
            state.entries.removeAll()
            for entry in entries {
                entry.slot.put(response)
                MHD_resume_connection(entry.connection.pointer)
            }
            return (entries.map(\.slot), entries.compactMap(\.task))
        }
        for task in tasks { task.cancel() }
        return slots
    }
}
