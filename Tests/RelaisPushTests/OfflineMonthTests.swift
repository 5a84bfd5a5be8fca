import FoundationEssentials
import RelaisCore
import RelaisCrypto
import RelaisPush
import RelaisStore
import RelaisTesting
import RelaisTime
import Synchronization
import Testing

/// A collector the test switches off and on; when on, it acknowledges as the real one does.
final class SwitchableCollector: CollectorTransport {
    private let state = Mutex((online: false, received: [String]()))

    func setOnline(_ online: Bool) { state.withLock { $0.online = online } }
    var received: [String] { state.withLock { $0.received } }

    func deliver(_ item: OutboxItem) async throws -> HTTPSAnswer {
        try state.withLock { state in
            guard state.online else { throw PushError(.transport, "connection refused") }
            state.received.append(item.reportID)
            return HTTPSAnswer(status: 200, body: CollectorAck.body(for: item.reportID))
        }
    }
}

/// A box whose uplink is down for thirty days: the scheduler stores a report each midnight, the sender keeps
/// failing with backoff, and when the link is back all thirty leave in order, once each.
@Suite struct OfflineMonthTests {
    @Test func thirtyDaysOfflineThenEverythingInOrder() async throws {
        let zone = try ZoneInfoDatabase().rules(named: "Europe/Paris")
        let first = LocalDate(year: 2026, month: 11, day: 1)!
        let clock = TestSchedulerClock(wall: zone.instant(for: LocalDateTime(date: first, time: LocalTime(hour: 12, minute: 0)!)))
        let database = try AppDatabase.temporary()
        for offset in 0..<30 {
            let hour = UsageHour(date: first.adding(days: offset), hour: 10)!
            try await database.addUsage([UsageIncrement(hour: hour, metric: .sessionsStarted, amount: 20 + offset)], batchID: "day-\(offset)")
        }
        let signer = try Ed25519Signer.generate()
        let collector = SwitchableCollector()
        let logs = LogRecorder()
        let box = BoxID("mairie-test")!
        let job = DailyReportJob(builder: DailyReportBuilder(boxID: box, zone: zone),
                                 usage: { try await database.usage(from: $0, through: $1) }, outbox: database, signer: signer,
                                 clocks: clock, logger: logs.logger())
        let sender = OutboxSender(outbox: database, transport: collector, clocks: clock, jitter: { 0.5 }, logger: logs.logger())
        var scheduler = Scheduler(zone: zone, clock: clock, logger: logs.logger(), wallCheckInterval: .seconds(3600))
        scheduler.daily(at: .midnight, named: "daily-report") { run in
            if let today = run.localDate { try await job.run(today: today) }
        }
        scheduler.every(.seconds(300), named: "outbox-send") { _ in try await sender.sendDue() }

        let task = Task { try await scheduler.run() }
        await clock.waitForSleepers()
        await clock.advance(by: .seconds(30 * 86_400))
        let waiting = try await database.outboxItems()
        #expect(waiting.count == 30)
        #expect(waiting.allSatisfy { $0.state == .pending })
        // Backoff capped at an hour: at most about two tries an hour, not one every five minutes.
        #expect(waiting[0].attempts < 30 * 24 * 2 + 2 && waiting[0].attempts > 30 * 12)
        #expect(collector.received.isEmpty)

        collector.setOnline(true)
        await clock.advance(by: .seconds(3600 + 300))
        task.cancel()
        try await task.value

        let expected = (0..<30).map { DailyReport.reportID(box: box, date: first.adding(days: $0)) }
        #expect(collector.received == expected)
        #expect(try await database.outboxItems().allSatisfy { $0.state == .acknowledged })
        // Each body is the signed report of its day, with that day's count.
        let items = try await database.outboxItems()
        #expect(items.allSatisfy { Ed25519Signer.verify(signature: $0.signature, of: $0.body, publicKey: (try? signer.publicKey()) ?? []) })
        #expect(String(decoding: items[29].body, as: UTF8.self).contains("\"total\":49"))
    }
}
