import Foundation
import RelaisCore
import RelaisGateway
import RelaisTesting
import Synchronization
import Testing

@Suite struct PurgeJobTests {
    struct Broken: Error {}

    /// Rows a step pretends to hold, removed `limit` at a time; records each call.
    final class Rows: Sendable {
        let left: Mutex<Int>
        let calls = Mutex<[Int]>([])
        init(_ count: Int) { left = Mutex(count) }

        func removeBatch(limit: Int) -> Int {
            calls.withLock { $0.append(limit) }
            return left.withLock { left in
                let removed = min(left, limit)
                left -= removed
                return removed
            }
        }
    }

    @Test func eachStepRunsAndOneFailureStopsNoOther() async throws {
        let clock = ManualClock(), logs = LogRecorder()
        let consents = Rows(7)
        let job = PurgeJob(steps: [
            PurgeStep(category: .legalLog) { _, _ in throw Broken() },
            .repeating(category: .consents, count: { _ in consents.left.withLock { $0 } }) { _, limit in consents.removeBatch(limit: limit) },
            PurgeStep(category: .sessions) { _, _ in 2 },
        ], clocks: clock, plausibility: ClockPlausibility(), batchSize: 3, logger: logs.logger())
        #expect(try await job.dryRun().map(\.rows) == [nil, 7, nil])
        let report = await job.run()
        #expect(report.failed == [.legalLog])
        #expect(report.removed == [.consents: 7, .sessions: 2])
        // Batches of 3 until one removes fewer: 3, 3, 1.
        #expect(consents.calls.withLock { $0 } == [3, 3, 3])
        #expect(logs.all.contains { $0.level == .error && $0.metadata["purge.category"] == "legal-log" })
    }

    @Test func nothingIsPurgedWhileTheClockIsNotSet() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 86_400)), logs = LogRecorder()
        let rows = Rows(5)
        let job = PurgeJob(steps: [.repeating(category: .sessions) { _, limit in rows.removeBatch(limit: limit) }],
                           clocks: clock, plausibility: ClockPlausibility(), logger: logs.logger())
        let skipped = await job.run()
        #expect(skipped.skippedForClock)
        #expect(rows.calls.withLock { $0.isEmpty })
        #expect(logs.all.contains { $0.level == .warning && $0.message.hasPrefix("purge skipped") })
        clock.jumpWall(by: 1_790_000_000)
        #expect(await job.run().removed == [.sessions: 5])
    }

    @Test func theStepGetsTheWallTimeOfTheRun() async throws {
        let clock = ManualClock()
        let seen = Mutex<Date?>(nil)
        let job = PurgeJob(steps: [PurgeStep(category: .usageAggregates) { now, _ in seen.withLock { $0 = now }; return 0 }],
                           clocks: clock, plausibility: ClockPlausibility(), logger: LogRecorder().logger())
        await job.run()
        #expect(seen.withLock { $0 } == clock.now)
    }
}
