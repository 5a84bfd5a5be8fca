import Synchronization

extension AppDatabase {
    /// Runs `updates` on the writer, after the writes queued before it, in one IMMEDIATE transaction:
    /// all of it is committed, or none of it. Every failure comes out as a `StoreError`.
    ///
    /// Keep it short (a few milliseconds): every other write waits for it. Long jobs use
    /// ``writeInBatches(_:items:batchSize:_:)`` or ``writeInSteps(_:_:)``.
    func write<T: Sendable>(_ operation: String, _ updates: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        guard let writer else { throw Self.readOnlyError(operation) }
        return try await run(operation, on: writer.queue) { connection in
            try connection.transaction(.immediate) { try updates(connection) }
        }
    }

    /// Runs `value` on a reader in one DEFERRED transaction: one consistent snapshot of committed data,
    /// whatever the writer does meanwhile.
    func read<T: Sendable>(_ operation: String, _ value: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await run(operation, on: readers.queue) { connection in
            try connection.transaction(.deferred) { try value(connection) }
        }
    }

    /// Runs `body` with the writer's connection (a reader's when read-only), outside any transaction,
    /// blocking the calling thread until it is done: for tests and maintenance (pragmas, raw SQL), never
    /// from the portal's code paths, nor from inside another job (it would wait for itself).
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) throws -> T {
        let done = BlockingResult<T>()
        guard (writer ?? readers).queue.enqueue({ connection in done.set(Result { try body(connection) }) }) else {
            throw Self.closedError("withConnection")
        }
        return try done.wait().get()
    }

    /// Queues `body` unless the task is already cancelled, and suspends the caller until it has run.
    /// A task cancelled while its job waits in the queue gets `cancelled` and the job never runs; once
    /// started, a job runs to its end (a transaction is not cut in the middle).
    func run<T: Sendable>(
        _ operation: String, on queue: ConnectionJobQueue, _ body: @escaping @Sendable (SQLiteConnection) throws -> T
    ) async throws -> T {
        do {
            try Task.checkCancellation()
            let cancelled = CancellationFlag()
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                    let queued = queue.enqueue { connection in
                        guard !cancelled.isSet else { return continuation.resume(throwing: CancellationError()) }
                        continuation.resume(with: Result { try body(connection) })
                    }
                    if !queued { continuation.resume(throwing: Self.closedError(operation)) }
                }
            } onCancel: {
                cancelled.set()
            }
        } catch {
            throw StoreError(operation: operation, error)
        }
    }

    static func readOnlyError(_ operation: String) -> StoreError {
        StoreError(.readOnly, "Base de données ouverte en lecture seule : rien n'a été écrit (\(operation)).")
    }

    static func closedError(_ operation: String) -> StoreError {
        StoreError(.closed, "Base de données fermée : « \(operation) » n'a pas été exécutée.")
    }
}

/// Set by a task's cancellation handler, read by its job when the job's turn comes.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .relaxed) }

    var isSet: Bool { value.load(ordering: .relaxed) }
}

/// A result handed from a connection thread to a thread that blocks until it arrives.
private final class BlockingResult<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)
    private let semaphore = ThreadSemaphore()

    func set(_ value: Result<T, any Error>) {
        result.withLock { $0 = value }
        semaphore.signal()
    }

    func wait() -> Result<T, any Error> {
        semaphore.wait()
        return result.withLock { $0! }
    }
}
