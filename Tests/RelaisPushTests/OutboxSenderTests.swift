import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisPush
import RelaisStore
import RelaisTesting
import Testing

/// The sender with the real SQLite outbox on a file and a real TLS collector on loopback.
@Suite struct OutboxSenderTests {
    struct Rig {
        let certificates: TestCertificates
        let signer: Ed25519Signer
        let collector: AckingCollector
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        let logs = LogRecorder()

        func sender(_ database: AppDatabase, port: Int) -> OutboxSender {
            let transport = HTTPSCollectorTransport(collectorURL: "https://127.0.0.1:\(port)", boxID: BoxID("mairie-test")!,
                                                    client: CurlHTTPSClient(caFile: certificates.caFile, connectTimeoutSeconds: 5, timeoutSeconds: 10))
            return OutboxSender(outbox: database, transport: transport, clocks: clock, jitter: { 1 }, logger: logs.logger())
        }
    }

    func withRig(_ body: (Rig, AppDatabase, String) async throws -> Void) async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let signer = try Ed25519Signer.generate()
        let rig = Rig(certificates: certificates, signer: signer, collector: AckingCollector(publicKey: try signer.publicKey()))
        let path = certificates.folder + "/relais.sqlite"
        try await body(rig, try AppDatabase.open(path: path), path)
    }

    @Test func collectorDownThenUpGetsEverythingInOrder() async throws {
        try await withRig { rig, database, _ in
            // A port that was free a moment ago: the collector is "down" there until it starts.
            let probe = try startCollector(rig.collector, certificates: rig.certificates)
            let port = probe.boundPort
            probe.stop()
            for day in [3, 1, 2] { _ = try await database.enqueue(try signedReport(day, signer: rig.signer, at: rig.clock.now)) }
            let sender = rig.sender(database, port: port)

            let down = try await sender.sendDue()
            #expect(down == OutboxSender.Round(acknowledged: 0, refused: 0, deferred: true))
            #expect(try await database.nextPending()?.attempts == 1)
            // Not due yet: nothing is tried before the backoff is over.
            rig.clock.advance(by: 10)
            _ = try await sender.sendDue()
            #expect(try await database.nextPending()?.attempts == 1)

            let server = try startCollector(rig.collector, certificates: rig.certificates, port: port)
            defer { server.stop() }
            rig.clock.advance(by: 30)
            let up = try await sender.sendDue()
            #expect(up.acknowledged == 3 && !up.deferred)
            #expect(rig.collector.stored == ["daily-report.v1.mairie-test.2026-11-03", "daily-report.v1.mairie-test.2026-11-01",
                                             "daily-report.v1.mairie-test.2026-11-02"])
            #expect(try await database.outboxItems().allSatisfy { $0.state == .acknowledged })
            #expect(try await sender.sendDue() == OutboxSender.Round())
            #expect(rig.collector.deliveries.count == 3)
        }
    }

    @Test func aLostAckMeansASecondDeliveryStoredOnceAndMarkedOnce() async throws {
        try await withRig { rig, database, _ in
            let server = try startCollector(rig.collector, certificates: rig.certificates)
            defer { server.stop() }
            rig.collector.state.withLock { $0.dropAcks = 1 }
            let item = try signedReport(4, signer: rig.signer, at: rig.clock.now)
            _ = try await database.enqueue(item)
            let sender = rig.sender(database, port: server.boundPort)
            #expect(try await sender.sendDue().deferred)
            rig.clock.advance(by: 3600)
            #expect(try await sender.sendDue().acknowledged == 1)
            #expect(rig.collector.deliveries == [item.reportID, item.reportID])
            #expect(rig.collector.stored == [item.reportID])
            let marked = try await database.outboxItems()
            #expect(marked.count == 1 && marked[0].state == .acknowledged && marked[0].attempts == 2)
        }
    }

    @Test func aRefusalIsKeptLoggedAndNotRetried() async throws {
        try await withRig { rig, database, _ in
            let server = try startCollector(rig.collector, certificates: rig.certificates)
            defer { server.stop() }
            let bad = try signedReport(1, signer: rig.signer, at: rig.clock.now)
            rig.collector.state.withLock { $0.refuse = [bad.reportID] }
            _ = try await database.enqueue(bad)
            _ = try await database.enqueue(try signedReport(2, signer: rig.signer, at: rig.clock.now))
            let sender = rig.sender(database, port: server.boundPort)
            #expect(try await sender.sendDue() == OutboxSender.Round(acknowledged: 1, refused: 1, deferred: false))
            rig.clock.advance(by: 86_400)
            _ = try await sender.sendDue()
            #expect(rig.collector.deliveries.filter { $0 == bad.reportID }.count == 1)
            #expect(try await database.outboxItems().map(\.state) == [.failed, .acknowledged])
            #expect(rig.logs.textAboveDebug.contains("collector refused a report"))
        }
    }

    /// The day's report is stored, the process dies before sending; after a restart the same job adds
    /// nothing and the report is delivered exactly once.
    @Test func crashBetweenStoringAndSendingSendsOnce() async throws {
        try await withRig { rig, database, path in
            let zone = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
            let today = LocalDate(year: 2026, month: 11, day: 20)!
            let hour = UsageHour(date: today.adding(days: -1), hour: 10)!
            try await database.addUsage([UsageIncrement(hour: hour, metric: .sessionsStarted, amount: 25)], batchID: "b1")
            func job(_ database: AppDatabase) -> DailyReportJob {
                DailyReportJob(builder: DailyReportBuilder(boxID: BoxID("mairie-test")!, zone: zone),
                               usage: { try await database.usage(from: $0, through: $1) }, outbox: database, signer: rig.signer,
                               clocks: rig.clock, logger: rig.logs.logger())
            }
            #expect(try await job(database).run(today: today) == [today.adding(days: -1)])
            // "kill -9": this process's handle is abandoned; a new one opens the same file.
            let reopened = try AppDatabase.open(path: path)
            #expect(try await job(reopened).run(today: today).isEmpty)
            let server = try startCollector(rig.collector, certificates: rig.certificates)
            defer { server.stop() }
            let sender = rig.sender(reopened, port: server.boundPort)
            #expect(try await sender.sendDue().acknowledged == 1)
            #expect(try await sender.sendDue().acknowledged == 0)
            #expect(rig.collector.deliveries == ["daily-report.v1.mairie-test.2026-11-19"])
            #expect(try await reopened.outboxItems().map(\.state) == [.acknowledged])
        }
    }
}
