import FoundationEssentials
import RelaisCore

/// The durable outbox: each write one transaction, so a crash leaves an item either stored or not, and
/// either pending or acknowledged.
extension AppDatabase: OutboxStore {
    public func enqueue(_ item: OutboxItem) async throws -> Bool {
        try await write("enqueueOutbox") { db in
            let insert = try db.cachedStatement("""
                INSERT INTO outbox (report_id, kind, period, body, signature, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING
                """)
            try insert.bind(item.reportID, at: 1)
            try insert.bind(item.kind.rawValue, at: 2)
            try insert.bind(item.period?.description, at: 3)
            try insert.bind(item.body, at: 4)
            try insert.bind(item.signature, at: 5)
            try insert.bind(item.createdAt.storeMilliseconds, at: 6)
            try insert.bind(item.nextAttemptAt.storeMilliseconds, at: 7)
            try insert.execute()
            guard db.changedRowCount == 1 else { return false }
            if item.kind == .dutyStatus {
                // Only the latest "on duty now" is news.
                let supersede = try db.cachedStatement("""
                    UPDATE outbox SET state = 'superseded'
                    WHERE kind = 'duty-status' AND state = 'pending' AND report_id <> ?
                    """)
                try supersede.bind(item.reportID, at: 1)
                try supersede.execute()
            }
            return true
        }
    }

    public func nextPending() async throws -> OutboxItem? {
        try await read("nextPendingOutbox") { db in
            try db.cachedStatement("SELECT \(Self.outboxColumns) FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1")
                .fetchOne(Self.outboxItem)
        }
    }

    public func markAcknowledged(_ reportID: String, at: Date, status: Int) async throws {
        try await updateOutbox("acknowledgeOutbox", reportID, """
            UPDATE outbox SET state = 'acknowledged', acknowledged_at = ?2, last_status = ?3, attempts = attempts + 1
            WHERE report_id = ?1 AND state = 'pending'
            """) { try $0.bind(at.storeMilliseconds, at: 2); try $0.bind(status, at: 3) }
    }

    public func markRetry(_ reportID: String, next: Date, status: Int?) async throws {
        try await updateOutbox("retryOutbox", reportID, """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?2, last_status = ?3
            WHERE report_id = ?1 AND state = 'pending'
            """) { try $0.bind(next.storeMilliseconds, at: 2); try $0.bind(status, at: 3) }
    }

    public func markFailed(_ reportID: String, status: Int) async throws {
        try await updateOutbox("failOutbox", reportID, """
            UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_status = ?2
            WHERE report_id = ?1 AND state = 'pending'
            """) { try $0.bind(status, at: 2) }
    }

    public func latestDailyReportDate() async throws -> LocalDate? {
        try await read("latestDailyReport") { db in
            try db.cachedStatement("SELECT MAX(period) FROM outbox WHERE kind = 'daily-report'")
                .fetchOne { $0.string(at: 0).flatMap(LocalDate.init(iso:)) } ?? nil
        }
    }

    /// Every item, in order (status, tests).
    public func outboxItems() async throws -> [OutboxItem] {
        try await read("outboxItems") { db in
            try db.cachedStatement("SELECT \(Self.outboxColumns) FROM outbox ORDER BY seq").fetchAll(Self.outboxItem)
        }
    }

    /// Deletes items no longer pending created before `before`, in batches; returns how many went.
    public func purgeOutbox(before: Date, batchSize: Int) async throws -> Int {
        let cutoff = before.storeMilliseconds
        return try await purgeInSteps("purgeOutbox", batchSize: batchSize, sql: """
            DELETE FROM outbox WHERE seq IN (
                SELECT seq FROM outbox WHERE state <> 'pending' AND created_at < ? ORDER BY seq LIMIT ?)
            """) { try $0.bind(cutoff, at: 1) }
    }

    private func updateOutbox(_ operation: String, _ reportID: String, _ sql: String,
                              _ bind: @escaping @Sendable (SQLiteStatement) throws -> Void) async throws {
        try await write(operation) { db in
            let statement = try db.cachedStatement(sql)
            try statement.bind(reportID, at: 1)
            try bind(statement)
            try statement.execute()
        }
    }

    static let outboxColumns = """
        report_id, kind, period, body, signature, created_at, attempts, next_attempt_at, state, acknowledged_at, last_status
        """

    @Sendable static func outboxItem(_ row: SQLiteStatement) throws -> OutboxItem {
        guard let reportID = row.string(at: 0), let kind = row.string(at: 1).flatMap(OutboxKind.init(rawValue:)),
              let body = row.blob(at: 3), let signature = row.blob(at: 4), let created = row.int64(at: 5),
              let attempts = row.int(at: 6), let next = row.int64(at: 7),
              let state = row.string(at: 8).flatMap(OutboxState.init(rawValue:))
        else { throw StoreError.invalidRow("outbox") }
        return OutboxItem(
            reportID: reportID, kind: kind, period: row.string(at: 2).flatMap(LocalDate.init(iso:)), body: body,
            signature: signature, createdAt: Date(storeMilliseconds: created), attempts: attempts,
            nextAttemptAt: Date(storeMilliseconds: next), state: state,
            acknowledgedAt: row.int64(at: 9).map(Date.init(storeMilliseconds:)), lastStatus: row.int(at: 10))
    }
}
