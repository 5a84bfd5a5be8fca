extension AppDatabase {
    /// Replaces every row of `table` with the rows `insert` writes, in one step that readers see whole:
    /// they get the old rows, then the new ones, never half of each.
    ///
    /// The rows are first written, in batches of `batchSize` items (short transactions, see
    /// ``writeInSteps(_:_:)``), to a staging table private to the writer's connection (`TEMP`, created
    /// like `table` but without its constraints); `insert` receives its name. Then one short
    /// transaction swaps them in: the schema's constraints check every row then, and if one fails,
    /// or the job fails or is cancelled before, `table` keeps its old rows. For tables that others
    /// reference by foreign key, the swap deletes and re-inserts: use keys that stay the same.
    func replaceAllRows<Item: Sendable>(
        _ operation: String, of table: String, items: [Item], batchSize: Int,
        insert: @escaping @Sendable (SQLiteConnection, _ stagingTable: String, ArraySlice<Item>) throws -> Void
    ) async throws {
        precondition(batchSize > 0, "batches of at least one item")
        precondition(table.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "a plain table name")
        let staging = "temp.staging_\(table)"
        let batches = (items.count + batchSize - 1) / batchSize
        do {
            _ = try await writeInSteps(operation) { connection, index in
                switch index {
                case 0:
                    try connection.execute("""
                        DROP TABLE IF EXISTS \(staging);
                        CREATE TABLE \(staging) AS SELECT * FROM main.\(table) WHERE 0
                        """)
                    return .more
                case _ where index <= batches:
                    let start = (index - 1) * batchSize
                    try insert(connection, staging, items[start..<min(start + batchSize, items.count)])
                    return .more
                default:
                    try connection.execute("""
                        DELETE FROM main.\(table);
                        INSERT INTO main.\(table) SELECT * FROM \(staging);
                        DROP TABLE \(staging)
                        """)
                    return .done
                }
            }
        } catch {
            // Queued without waiting and whatever the cancellation: it runs before any later job.
            _ = writer?.queue.enqueue { connection in try? connection.execute("DROP TABLE IF EXISTS \(staging)") }
            throw error
        }
    }
}
