import FoundationEssentials
import RelaisCore
import Synchronization

/// The purge of the categories this store owns outright, and what the clock check needs to know.
extension AppDatabase {
    /// Deletes sessions ended before `endedBefore`, `batchSize` rows per transaction (the writes of
    /// visitors run between two batches); returns how many. Live sessions are never touched.
    public func purgeEndedSessions(endedBefore: Date, batchSize: Int) async throws -> Int {
        let cutoff = endedBefore.storeMilliseconds
        return try await purgeInSteps("purgeEndedSessions", batchSize: batchSize, sql: """
            DELETE FROM session WHERE id IN (
                SELECT id FROM session WHERE ended_at IS NOT NULL AND ended_at < ? ORDER BY id LIMIT ?)
            """) { try $0.bind(cutoff, at: 1) }
    }

    /// How many sessions `purgeEndedSessions(endedBefore:…)` would delete.
    public func countEndedSessions(endedBefore: Date) async throws -> Int {
        let cutoff = endedBefore.storeMilliseconds
        return try await read("countEndedSessions") { db in
            let statement = try db.cachedStatement("SELECT COUNT(*) FROM session WHERE ended_at IS NOT NULL AND ended_at < ?")
            try statement.bind(cutoff, at: 1)
            return try statement.fetchOne { $0.int(at: 0) ?? 0 } ?? 0
        }
    }

    /// The latest wall time this store recorded (a session's start or end, a usage flush): a clock that
    /// reads earlier is wrong. Nil for an empty store.
    public func latestRecordedTime() async throws -> Date? {
        try await read("latestRecordedTime") { db in
            let latest = try db.fetchOne("""
                SELECT MAX(latest) FROM (
                    SELECT MAX(started_at) AS latest FROM session UNION ALL SELECT MAX(ended_at) FROM session
                    UNION ALL SELECT MAX(applied_at) FROM usage_flush)
                """) { $0.int64(at: 0) } ?? nil
            return latest.map(Date.init(storeMilliseconds:))
        }
    }

    /// Runs `sql` (a DELETE whose cutoff, bound by `bind`, is parameter 1 and the batch's LIMIT parameter 2) in
    /// short transactions until a batch deletes fewer than `batchSize` rows; returns the total deleted.
    /// Interrupted (a crash, a kill), it leaves whole batches done and is safe to run again.
    func purgeInSteps(
        _ operation: String, batchSize: Int, sql: String, bind: @escaping @Sendable (SQLiteStatement) throws -> Void
    ) async throws -> Int {
        precondition(batchSize > 0, "batches of at least one row")
        let total = DeletedRowCount()
        _ = try await writeInSteps(operation) { db, _ in
            let statement = try db.cachedStatement(sql)
            try bind(statement)
            try statement.bind(batchSize, at: 2)
            try statement.execute()
            let removed = db.changedRowCount
            total.add(removed)
            return removed < batchSize ? .done : .more
        }
        return total.value
    }
}

/// The rows a batched purge deleted so far, summed from the writer's thread.
private final class DeletedRowCount: Sendable {
    private let count = Mutex(0)

    func add(_ rows: Int) { count.withLock { $0 += rows } }

    var value: Int { count.withLock { $0 } }
}

extension AppDatabase {
    /// Ends a purge: the WAL, which still holds the deleted rows' old pages, is checkpointed and truncated
    /// (see ``checkpointAndTruncateWAL(_:)``). False when a reader kept it from finishing: try again later.
    public func truncateWALAfterPurge() async throws -> Bool {
        try await checkpointAndTruncateWAL("purge")
    }
}
