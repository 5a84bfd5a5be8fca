import FoundationEssentials
import RelaisCore
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
}
