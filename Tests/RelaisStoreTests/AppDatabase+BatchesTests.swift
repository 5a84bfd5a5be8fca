import FoundationEssentials
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseBatchesTests {
    static func database() async throws -> AppDatabase {
        let database = try AppDatabase.temporary()
        try await database.write("test") { db in try db.execute("CREATE TABLE item (n INTEGER NOT NULL UNIQUE) STRICT") }
        return database
    }

    static func insert(_ db: SQLiteConnection, _ slice: ArraySlice<Int>) throws {
        let statement = try db.cachedStatement("INSERT INTO item (n) VALUES (?)")
        for n in slice {
            try statement.bind(n, at: 1)
            try statement.execute()
        }
    }

    /// Batch 1 holds the writer until another write is queued: that write runs before batch 2, and sees
    /// the two batches already committed.
    @Test func aWriteQueuedDuringABatchRunsBeforeTheNextBatch() async throws {
        let database = try await Self.database()
        let queue = database.writer!.queue
        let log = EventLog()
        let job = Task {
            try await database.writeInBatches("test", items: Array(0..<10), batchSize: 2) { db, slice in
                let batch = slice.first! / 2
                log.append("batch \(batch)")
                try Self.insert(db, slice)
                if batch == 1, !blockUntil({ queue.pendingCount >= 1 }) { throw GateNeverOpened() }
            }
        }
        #expect(await eventually { log.events.contains("batch 1") })
        let seen = try await database.write("other") { db in
            log.append("other")
            return try db.integer("SELECT COUNT(*) FROM item")
        }
        try await job.value
        #expect(seen == 4)
        #expect(log.events == ["batch 0", "batch 1", "other", "batch 2", "batch 3", "batch 4"])
        #expect(try await rowCount("item", in: database) == 10)
    }

    /// Readers see the job's progress batch by batch: each batch is its own committed transaction.
    @Test func eachBatchIsCommittedOnItsOwn() async throws {
        let database = try await Self.database()
        let inBatch2 = Gate()
        let resume = Gate()
        let job = Task {
            try await database.writeInBatches("test", items: Array(0..<30), batchSize: 10) { db, slice in
                try Self.insert(db, slice)
                if slice.first == 20 {
                    inBatch2.open()
                    guard resume.wait() else { throw GateNeverOpened() }
                }
            }
        }
        #expect(await eventually { inBatch2.isOpen })
        #expect(try await rowCount("item", in: database) == 20)
        resume.open()
        try await job.value
        #expect(try await rowCount("item", in: database) == 30)
    }

    /// Cancelled during a batch, the job stops before the next one; the batches done stay committed.
    @Test func cancellationStopsBeforeTheNextBatch() async throws {
        let database = try await Self.database()
        let inBatch1 = Gate()
        let resume = Gate()
        let job = Task {
            try await database.writeInBatches("test", items: Array(0..<10), batchSize: 2) { db, slice in
                try Self.insert(db, slice)
                if slice.first == 2 {
                    inBatch1.open()
                    guard resume.wait() else { throw GateNeverOpened() }
                }
            }
        }
        #expect(await eventually { inBatch1.isOpen })
        job.cancel()
        resume.open()
        let error = await #expect(throws: StoreError.self) { try await job.value }
        #expect(error?.code == .cancelled)
        #expect(try await rowCount("item", in: database) == 4)
    }

    /// A failing batch is rolled back alone and ends the job with its error.
    @Test func aFailingBatchEndsTheJobAndKeepsTheEarlierBatches() async throws {
        let database = try await Self.database()
        let error = await #expect(throws: StoreError.self) {
            try await database.writeInBatches("test", items: [1, 2, 3, 4, 5, 5, 6], batchSize: 3) { db, slice in
                try Self.insert(db, slice)
            }
        }
        #expect(error?.code == .constraint)
        #expect(try await rowCount("item", in: database) == 3)
    }

    /// A purge-like job: delete at most 100 expired rows per batch until none is left.
    @Test func stepsRunUntilTheJobSaysItIsDone() async throws {
        let database = try await Self.database()
        try await database.writeInBatches("test", items: Array(0..<1_000), batchSize: 500) { db, slice in
            try Self.insert(db, slice)
        }
        let batches = try await database.writeInSteps("purge") { db, _ in
            try db.execute("DELETE FROM item WHERE rowid IN (SELECT rowid FROM item WHERE n < 250 LIMIT 100)")
            return db.changedRowCount == 100 ? .more : .done
        }
        #expect(batches == 3)
        #expect(try await rowCount("item", in: database) == 750)
        #expect(try await database.writeInSteps("nothing") { _, _ in .done } == 1)
        try await database.writeInBatches("empty", items: [Int](), batchSize: 10) { _, _ in Issue.record("ran") }
    }

    @Test func aReadOnlyDatabaseRefusesLongJobs() async throws {
        try await withFileDatabase { _, directory in
            let readOnly = try AppDatabase.openReadOnly(path: directory.databasePath)
            let error = await #expect(throws: StoreError.self) {
                try await readOnly.writeInSteps("purge") { _, _ in .done }
            }
            #expect(error?.code == .readOnly)
        }
    }
}
