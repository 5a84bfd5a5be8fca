extension AppDatabase {
    /// Copies every committed page from the WAL into the database file and truncates the WAL to zero
    /// bytes, so that the old versions of deleted rows (which the WAL keeps until it is rewritten) leave
    /// the disk: the purge of personal data ends with it. Waits up to the busy timeout for readers that
    /// still use an older snapshot; returns false if some still did and the WAL could not be truncated
    /// (call it again later). Queued on the writer like a write; a no-op in memory.
    func checkpointAndTruncateWAL(_ operation: String) async throws -> Bool {
        guard let writer else { throw Self.readOnlyError(operation) }
        return try await run(operation, on: writer.queue) { connection in
            // One row: busy (1 when it could not finish), frames in the WAL, frames checkpointed.
            let busy = try connection.fetchOne("PRAGMA wal_checkpoint(TRUNCATE)") { $0.int64(at: 0) } ?? nil
            return busy == 0
        }
    }
}

extension AppDatabase {
    /// True when the database file was deleted or moved while this process has it open: every write
    /// since goes to a file that the next start will not find, and that start will report the loss
    /// (``OpenOutcome/recreatedAfterLoss(lostCreationID:)``). A periodic check (the sweep) can say so
    /// at once. False in memory.
    func databaseFileHasMoved() async throws -> Bool {
        try await run("databaseFileHasMoved", on: (writer ?? readers).queue) { connection in
            try connection.mainFileHasMoved()
        }
    }
}
