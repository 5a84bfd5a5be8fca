import FoundationEssentials
import RelaisCore

/// The usage stream's hourly aggregates: increments added once per flush, read back per day, purged by day.
extension AppDatabase: UsageStore {
    public func addUsage(_ increments: [UsageIncrement], batchID: String) async throws {
        try await addUsage(increments, batchID: batchID, at: Date())
    }

    /// Adds the increments unless the batch `batchID` was applied before; `now` dates the batch's mark.
    public func addUsage(_ increments: [UsageIncrement], batchID: String, at now: Date) async throws {
        guard !increments.isEmpty else { return }
        try await write("addUsage") { db in
            let mark = try db.cachedStatement("INSERT INTO usage_flush (batch_id, applied_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
            try mark.bind(batchID, at: 1)
            try mark.bind(now.storeMilliseconds, at: 2)
            try mark.execute()
            guard db.changedRowCount == 1 else { return }  // Applied already: the answer was lost, not the write.
            let add = try db.cachedStatement("""
                INSERT INTO usage_hourly (day, hour, metric, count) VALUES (?, ?, ?, ?)
                ON CONFLICT (day, hour, metric) DO UPDATE SET count = count + excluded.count
                """)
            for increment in increments {
                try add.bind(increment.hour.date.description, at: 1)
                try add.bind(increment.hour.hour, at: 2)
                try add.bind(increment.metric.name, at: 3)
                try add.bind(increment.amount, at: 4)
                try add.execute()
            }
        }
    }

    /// The stored aggregates of the local days `from...to`, in hour then metric order.
    public func usage(from first: LocalDate, through last: LocalDate) async throws -> [UsageIncrement] {
        try await read("usage") { db in
            let statement = try db.cachedStatement("""
                SELECT day, hour, metric, count FROM usage_hourly WHERE day BETWEEN ? AND ? ORDER BY day, hour, metric
                """)
            try statement.bind(first.description, at: 1)
            try statement.bind(last.description, at: 2)
            return try statement.fetchAll { row in
                guard let day = row.string(at: 0).flatMap(LocalDate.init(iso:)), let hourValue = row.int(at: 1),
                      let hour = UsageHour(date: day, hour: hourValue),
                      let metric = row.string(at: 2).flatMap(UsageMetric.init), let count = row.int(at: 3)
                else { throw StoreError.invalidRow("usage_hourly") }
                return UsageIncrement(hour: hour, metric: metric, amount: count)
            }
        }
    }

    /// Deletes the aggregates of local days before `day`, and flush marks older than `flushesBefore`, in
    /// batches of `batchSize` rows, each its own short transaction. Returns the aggregate rows deleted.
    public func purgeUsage(before day: LocalDate, flushesBefore: Date, batchSize: Int) async throws -> Int {
        let cutoffDay = day.description, cutoffMs = flushesBefore.storeMilliseconds
        let removed = try await purgeInSteps("purgeUsage", batchSize: batchSize, sql: """
            DELETE FROM usage_hourly WHERE (day, hour, metric) IN (
                SELECT day, hour, metric FROM usage_hourly WHERE day < ? ORDER BY day LIMIT ?)
            """) { try $0.bind(cutoffDay, at: 1) }
        _ = try await purgeInSteps("purgeUsageFlushes", batchSize: batchSize, sql: """
            DELETE FROM usage_flush WHERE batch_id IN (SELECT batch_id FROM usage_flush WHERE applied_at < ? LIMIT ?)
            """) { try $0.bind(cutoffMs, at: 1) }
        return removed
    }

    /// How many aggregate rows `purgeUsage(before:…)` would delete.
    public func countUsage(before day: LocalDate) async throws -> Int {
        let cutoff = day.description
        return try await read("countUsage") { db in
            let statement = try db.cachedStatement("SELECT COUNT(*) FROM usage_hourly WHERE day < ?")
            try statement.bind(cutoff, at: 1)
            return try statement.fetchOne { $0.int(at: 0) ?? 0 } ?? 0
        }
    }
}
