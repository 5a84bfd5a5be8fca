/// What a batch of a long job says about the rest of the job.
enum BatchProgress: Sendable, Equatable {
    /// Another batch is needed.
    case more
    /// The job is complete.
    case done
}

extension AppDatabase {
    /// Runs a long job (a purge, an import) as a series of short IMMEDIATE transactions on the writer,
    /// one per call of `batch`, until it returns `.done`; returns the number of batches committed.
    ///
    /// Each next batch goes to the end of the writer's queue, so the writes that arrived during a batch
    /// (an acceptance, a sweep) run before the next one: keep a batch to a few milliseconds and the
    /// portal never waits longer (measured: 500 to 1,000 short rows take 1 to 2 ms, plus the commit's
    /// fsync). `batch` receives the batch's index from 0.
    /// Cancellation stops the job before its next batch; the batches already committed stay, so a job
    /// must be safe to run again from the start (a purge is; an import stages, see
    /// ``replaceAllRows(_:of:items:batchSize:insert:)``).
    func writeInSteps(
        _ operation: String, _ batch: @escaping @Sendable (SQLiteConnection, _ index: Int) throws -> BatchProgress
    ) async throws -> Int {
        guard let writer else { throw Self.readOnlyError(operation) }
        do {
            try Task.checkCancellation()
            let cancelled = CancellationFlag()
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    BatchJob(queue: writer.queue, cancelled: cancelled, batch: batch, continuation: continuation)
                        .enqueue(index: 0, operation: operation)
                }
            } onCancel: {
                cancelled.set()
            }
        } catch {
            throw StoreError(operation: operation, error)
        }
    }

    /// Runs `body` over `items` in slices of `batchSize`, each slice in its own transaction (see
    /// ``writeInSteps(_:_:)``): 100,000 rows never hold the writer for more than one slice.
    func writeInBatches<Item: Sendable>(
        _ operation: String, items: [Item], batchSize: Int,
        _ body: @escaping @Sendable (SQLiteConnection, ArraySlice<Item>) throws -> Void
    ) async throws {
        precondition(batchSize > 0, "batches of at least one item")
        guard !items.isEmpty else { return }
        _ = try await writeInSteps(operation) { connection, index in
            let start = index * batchSize
            let end = min(start + batchSize, items.count)
            try body(connection, items[start..<end])
            return end < items.count ? .more : .done
        }
    }
}

/// One long job on the writer: runs a batch, then queues the next one at the end of the queue.
private final class BatchJob: Sendable {
    let queue: ConnectionJobQueue
    let cancelled: CancellationFlag
    let batch: @Sendable (SQLiteConnection, Int) throws -> BatchProgress
    let continuation: CheckedContinuation<Int, any Error>

    init(
        queue: ConnectionJobQueue, cancelled: CancellationFlag,
        batch: @escaping @Sendable (SQLiteConnection, Int) throws -> BatchProgress,
        continuation: CheckedContinuation<Int, any Error>
    ) {
        self.queue = queue
        self.cancelled = cancelled
        self.batch = batch
        self.continuation = continuation
    }

    func enqueue(index: Int, operation: String) {
        let queued = queue.enqueue { connection in self.run(connection, index: index, operation: operation) }
        if !queued { continuation.resume(throwing: AppDatabase.closedError(operation)) }
    }

    private func run(_ connection: SQLiteConnection, index: Int, operation: String) {
        guard !cancelled.isSet else { return continuation.resume(throwing: CancellationError()) }
        do {
            switch try connection.transaction(.immediate, { try batch(connection, index) }) {
            case .more: enqueue(index: index + 1, operation: operation)
            case .done: continuation.resume(returning: index + 1)
            }
        } catch {
            continuation.resume(throwing: error)
        }
    }
}
