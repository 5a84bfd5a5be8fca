import struct FoundationEssentials.Date

/// The purge of one retention category: the composition root registers one per category that has rows
/// to remove, each with one line (`PurgeStep(category: .legalLog) { now, batch in … }`).
public struct PurgeStep: Sendable {
    /// Removes what is past retention at `now` in batches of at most `batchSize` rows, each its own short
    /// transaction; returns the rows removed. Must be safe to run again after an interruption.
    public typealias Run = @Sendable (_ now: Date, _ batchSize: Int) async throws -> Int
    /// How many rows `run` would remove at `now` (`relais purge --dry-run`).
    public typealias Count = @Sendable (_ now: Date) async throws -> Int

    public let category: RetentionCategory.ID
    public let count: Count?
    public let run: Run

    public init(category: RetentionCategory.ID, count: Count? = nil, run: @escaping Run) {
        self.category = category
        self.count = count
        self.run = run
    }

    /// A step over a function that removes at most `limit` rows per call, in its own transaction
    /// (`purgeLegalEntries(endedBefore:limit:)`, `purgeExpiredConsents(now:limit:)`): called until a call
    /// removes fewer than the batch size. Between two full batches it rests `pause`: a purge has the hour,
    /// a visitor's acceptance has not, and back-to-back batches (each a commit and its fsync) slowed the
    /// acceptances made meanwhile (benchmark: first-204 p99 20 ms while 1,000,000 log entries went).
    public static func repeating(
        category: RetentionCategory.ID, count: Count? = nil, pause: Duration = .milliseconds(5),
        batch: @escaping @Sendable (_ now: Date, _ limit: Int) async throws -> Int
    ) -> PurgeStep {
        PurgeStep(category: category, count: count) { now, batchSize in
            var total = 0
            while true {
                try Task.checkCancellation()
                let removed = try await batch(now, batchSize)
                total += removed
                if removed < batchSize { return total }
                if pause > .zero { try await Task.sleep(for: pause) }
            }
        }
    }
}
