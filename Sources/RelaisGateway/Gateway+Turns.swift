extension Gateway {
    /// Runs `body` when every operation that arrived before it has finished, even across its `await`s.
    func exclusively<T>(_ body: () async throws -> T) async rethrows -> T {
        if turns.busy {
            await withCheckedContinuation { turns.waiting.append($0) }
        } else {
            turns.busy = true
        }
        defer { turns.handOver() }
        return try await body()
    }
}

/// The queue of operations waiting for their turn. An actor runs one task at a time but lets another
/// in at every `await`; the gateway's operations span several (store, then firewall), so they also
/// take turns, first come first served.
struct Turns {
    var busy = false
    var waiting: [CheckedContinuation<Void, Never>] = []

    /// Passes the turn to the oldest waiter (which then runs, `busy` staying true), or frees it.
    mutating func handOver() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
