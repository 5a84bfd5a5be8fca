import FoundationEssentials
import Synchronization
import Testing
@testable import RelaisStore

@Suite struct ConnectionThreadsTests {
    static func threads(_ count: Int, name: String = "relais-test") throws -> ConnectionThreads {
        let threads = ConnectionThreads(name: name)
        for _ in 0..<count {
            try threads.start(try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite))
        }
        return threads
    }

    /// One thread runs its jobs in the order they were queued, each on its own connection.
    @Test func oneThreadRunsJobsInOrder() throws {
        let threads = try Self.threads(1)
        let log = EventLog()
        for n in 0..<100 {
            #expect(threads.queue.enqueue { _ in log.append("\(n) \(currentThreadName())") })
        }
        threads.stop()
        #expect(log.events == (0..<100).map { "\($0) relais-test0" })
    }

    /// Stopping runs every job queued before, then refuses new ones; every thread stops.
    @Test func stoppingDrainsTheQueueThenRefusesJobs() throws {
        let threads = try Self.threads(3)
        let ran = Atomic<Int>(0)
        let gate = Gate()
        for _ in 0..<50 {
            #expect(threads.queue.enqueue { _ in
                _ = gate.wait()
                ran.add(1, ordering: .relaxed)
            })
        }
        gate.open()
        threads.stop()
        #expect(ran.load(ordering: .relaxed) == 50)
        #expect(!threads.queue.enqueue { _ in Issue.record("ran after stop") })
        #expect(threads.queue.pendingCount == 0)
    }

    /// Several threads share one queue: a job blocked on one thread does not hold the others back.
    @Test func threadsShareTheQueue() throws {
        let threads = try Self.threads(2)
        let blocked = Gate()
        let release = Gate()
        #expect(threads.queue.enqueue { _ in
            blocked.open()
            _ = release.wait()
        })
        #expect(blockUntil { blocked.isOpen })
        let other = Gate()
        #expect(threads.queue.enqueue { _ in other.open() })
        #expect(blockUntil { other.isOpen })
        release.open()
        threads.stop()
    }

    /// When the last reference to the database goes away inside a job, the database closes from that
    /// connection's thread without waiting for itself.
    @Test func theLastReferenceDroppedOnAConnectionThreadDoesNotDeadlock() async throws {
        var database: AppDatabase? = try AppDatabase.temporary()
        let directory = try await database!.read("test") { db in
            try db.fetchOne("PRAGMA database_list") { $0.string(at: 2) } ?? nil
        }.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        let queue = database!.writer!.queue
        let release = Gate()
        #expect(queue.enqueue { _ in _ = release.wait() })
        let holder = queue.enqueue { [database] _ in withExtendedLifetime(database) {} }
        #expect(holder)
        database = nil
        release.open()
        let path = try #require(directory)
        #expect(await eventually { !FileManager.default.fileExists(atPath: path) })
    }
}
