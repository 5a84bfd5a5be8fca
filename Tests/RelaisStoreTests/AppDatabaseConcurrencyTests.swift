import FoundationEssentials
import RelaisCore
import Synchronization
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseConcurrencyTests {
    /// Readers run while the writer commits batches: every read sees whole batches only, never fewer
    /// sessions than a previous read, and nothing fails with SQLITE_BUSY.
    @Test func readersSeeWholeBatchesWhileAWriterInserts() async throws {
        try await withFileDatabase { database, _ in
            let batches = 40
            let batchSize = 50
            let readers = 4
            let observed = try await withThrowingTaskGroup(of: [Int].self) { group in
                group.addTask {
                    for batch in 0..<batches {
                        let first = batch * batchSize
                        _ = try await database.startSessions((first..<first + batchSize).map { visitor($0) })
                    }
                    return []
                }
                for _ in 0..<readers {
                    group.addTask {
                        var counts: [Int] = []
                        repeat {
                            counts.append(try await database.liveSessions(at: t0).count)
                        } while counts.last! < batches * batchSize
                        return counts
                    }
                }
                var all: [[Int]] = []
                for try await counts in group where !counts.isEmpty { all.append(counts) }
                return all
            }
            #expect(observed.count == readers)
            for counts in observed {
                #expect(counts.allSatisfy { $0 % batchSize == 0 }, "a read saw a partial batch")
                #expect(counts == counts.sorted(), "a read went back in time")
                #expect(counts.last == batches * batchSize)
            }
        }
    }

    /// Another process's read-only connection reads the WAL file while this one writes.
    @Test func aReadOnlyOpeningReadsWhileTheDaemonWrites() async throws {
        try await withFileDatabase { database, directory in
            let reader = try AppDatabase.openReadOnly(path: directory.databasePath)
            for batch in 0..<5 {
                _ = try await database.startSessions((batch * 10..<batch * 10 + 10).map { visitor($0) })
                #expect(try await reader.liveSessions(at: t0).count == (batch + 1) * 10)
            }
        }
    }

    /// Each writer reads the highest number and inserts the next one: two writers running at once
    /// would take the same number, which the UNIQUE constraint refuses. All commit, on the writer thread.
    @Test func concurrentWritersAreSerializedAndAllCommitted() async throws {
        let database = try AppDatabase.temporary()
        try await database.write("test") { db in
            try db.execute("CREATE TABLE counter (n INTEGER NOT NULL UNIQUE, thread TEXT NOT NULL) STRICT")
        }
        let writers = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<writers {
                group.addTask {
                    try await database.write("test") { db in
                        let next = (try db.integer("SELECT COALESCE(MAX(n), 0) + 1 FROM counter") ?? 0)
                        let insert = try db.cachedStatement("INSERT INTO counter (n, thread) VALUES (?, ?)")
                        try insert.bind(next, at: 1)
                        try insert.bind(currentThreadName(), at: 2)
                        try insert.execute()
                    }
                }
            }
            try await group.waitForAll()
        }
        let rows = try await database.read("test") { db in
            try db.fetchAll("SELECT n, thread FROM counter ORDER BY n") { ($0.int(at: 0) ?? 0, $0.string(at: 1) ?? "") }
        }
        #expect(rows.map(\.0) == Array(1...writers))
        #expect(Set(rows.map(\.1)) == ["relais-db-w0"])
    }

    /// A read started before a commit keeps its snapshot to its end; the next read sees the commit.
    @Test func aReadKeepsItsSnapshotWhileTheWriterCommits() async throws {
        let database = try AppDatabase.temporary()
        try await database.write("test") { db in
            try db.execute("CREATE TABLE item (n INTEGER NOT NULL) STRICT; INSERT INTO item VALUES (1)")
        }
        let reading = Gate()
        let resume = Gate()
        let read = Task {
            try await database.read("test") { db in
                let before = try db.integer("SELECT COUNT(*) FROM item")
                reading.open()
                guard resume.wait() else { throw GateNeverOpened() }
                return [before, try db.integer("SELECT COUNT(*) FROM item")]
            }
        }
        #expect(await eventually { reading.isOpen })
        // The writer commits while the read is in the middle of its transaction.
        try await database.write("test") { db in try db.execute("INSERT INTO item VALUES (2), (3)") }
        resume.open()
        #expect(try await read.value == [1, 1])
        #expect(try await rowCount("item", in: database) == 3)
    }

    /// While a write transaction is open, reads run (they do not queue behind it) and see none of it.
    @Test func readersSeeOnlyCommittedDataAndDoNotWaitForTheWriter() async throws {
        let database = try AppDatabase.temporary()
        try await database.write("test") { db in try db.execute("CREATE TABLE item (n INTEGER NOT NULL) STRICT") }
        let inserted = Gate()
        let commit = Gate()
        let write = Task {
            try await database.write("test") { db in
                try db.execute("INSERT INTO item VALUES (1), (2), (3)")
                inserted.open()
                guard commit.wait() else { throw GateNeverOpened() }
            }
        }
        #expect(await eventually { inserted.isOpen })
        let during = try await database.read("test") { db in
            [try db.integer("SELECT COUNT(*) FROM item") ?? -1, currentThreadName().hasPrefix("relais-db-r") ? 1 : 0]
        }
        #expect(during == [0, 1])
        commit.open()
        try await write.value
        #expect(try await rowCount("item", in: database) == 3)
    }

    /// The first write blocks its thread until an ordinary task opens a gate, and many more writes queue
    /// behind it. Were write bodies run on the cooperative pool (one thread per core), the blocked body
    /// and the writers waiting for it would hold every pool thread, and the task that opens the gate
    /// would never run: the gate would stay closed and the first write fail.
    @Test func aBlockedWriteDoesNotStarveOtherTasks() async throws {
        let database = try AppDatabase.temporary()
        let started = Gate()
        let released = Gate()
        let log = EventLog()
        let first = Task {
            try await database.write("test") { _ in
                started.open()
                guard released.wait() else { throw GateNeverOpened() }
                log.append("first write")
            }
        }
        #expect(await eventually { started.isOpen })
        let waiting = 4 * ProcessInfo.processInfo.activeProcessorCount + 4
        let others = (0..<waiting).map { n in
            Task { try await database.write("test") { _ in n } }
        }
        let queue = database.writer!.queue
        #expect(await eventually { queue.pendingCount == waiting })
        let opener = Task {
            await Task.yield()
            log.append("other task")
            released.open()
        }
        await opener.value
        try await first.value
        var results: [Int] = []
        for other in others { results.append(try await other.value) }
        #expect(results == Array(0..<waiting))
        #expect(log.events == ["other task", "first write"])
    }

    /// A task cancelled while its write waits in the queue gets `cancelled`, and its body never runs.
    @Test func aWriteCancelledWhileQueuedNeverRuns() async throws {
        let database = try AppDatabase.temporary()
        let started = Gate()
        let release = Gate()
        let blocker = Task {
            try await database.write("test") { _ in
                started.open()
                guard release.wait() else { throw GateNeverOpened() }
            }
        }
        #expect(await eventually { started.isOpen })
        let ran = Gate()
        let queued = Task { try await database.write("test") { _ in ran.open() } }
        let queue = database.writer!.queue
        #expect(await eventually { queue.pendingCount == 1 })
        queued.cancel()
        release.open()
        let error = await #expect(throws: StoreError.self) { try await queued.value }
        #expect(error?.code == .cancelled)
        try await blocker.value
        // The writer went on past the cancelled job.
        #expect(try await database.write("test") { _ in 42 } == 42)
        #expect(!ran.isOpen)
    }

    /// Reads run on the reader threads; in memory, where there is one connection, on the writer's.
    @Test func readsRunOnTheReaderThreads() async throws {
        let file = try AppDatabase.temporary(readers: 3)
        #expect(file.readers.count == 3)
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<30 { group.addTask { try await file.read("test") { _ in currentThreadName() } } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(!names.isEmpty)
        #expect(names.isSubset(of: ["relais-db-r0", "relais-db-r1", "relais-db-r2"]))
        let memory = try AppDatabase.inMemory()
        #expect(try await memory.read("test") { _ in currentThreadName() } == "relais-db-m0")
    }

    /// Reader connections cannot write, even through raw SQL.
    @Test func aReadCannotWrite() async throws {
        let database = try AppDatabase.temporary()
        let error = await #expect(throws: StoreError.self) {
            try await database.read("test") { db in try db.execute("CREATE TABLE sneaky (x INTEGER)") }
        }
        #expect(error?.code == .readOnly)
    }
}
