import Foundation
import Logging
import RelaisCollector
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import RelaisMicroHTTPD
import RelaisPush
import RelaisStore
import RelaisTesting
import Testing

/// A box's real push (SQLite outbox, OutboxSender, libcurl trusting only the test CA) against the real collector
/// (libmicrohttpd with TLS on loopback, its SQLite file).
@Suite struct CollectorLiveTests {
    @Test func aBoxPushesOverTLSIsStoredOnceAndIsRefusedOnceRevoked() async throws {
        let certificates = try CollectorTestCertificates()
        defer { certificates.remove() }
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let fixture = try await IngestFixture(now: now)
        var configuration = MicroHTTPDServer.Configuration(listenAddress: "127.0.0.1", port: 0, maxBodyBytes: CollectorIngest.defaultMaxBodyBytes)
        configuration.tls = .init(certificatePEM: certificates.certificatePEM, keyPEM: certificates.keyPEM)
        let server = MicroHTTPDServer(configuration: configuration, responder: fixture.responder, logger: LogRecorder().logger())
        try server.start()
        defer { server.stop() }

        let outbox = try AppDatabase.temporary()
        let clock = ManualClock(now)
        let transport = HTTPSCollectorTransport(
            collectorURL: "https://127.0.0.1:\(server.boundPort)", boxID: IngestFixture.boxID,
            client: CurlHTTPSClient(caFile: certificates.caFile, connectTimeoutSeconds: 5, timeoutSeconds: 10))
        let sender = OutboxSender(outbox: outbox, transport: transport, clocks: clock, jitter: { 1 }, logger: LogRecorder().logger())
        func enqueue(day: Int) async throws -> OutboxItem {
            let report = IngestFixture.report(day: day)
            let item = OutboxItem(reportID: report.reportID, kind: .dailyReport, period: report.date, body: report.canonicalBytes,
                                  signature: try fixture.signer.sign(report.canonicalBytes), createdAt: now)
            #expect(try await outbox.enqueue(item))
            return item
        }

        let first = try await enqueue(day: 2)
        #expect(try await sender.sendDue() == OutboxSender.Round(acknowledged: 1))
        #expect(try await fixture.database.reportBody(first.reportID) == first.body)
        // The same report again (an ack lost on the way): acknowledged, still stored once.
        let again = try await transport.deliver(first)
        #expect(CollectorAck.classify(status: again.status, body: again.body, reportID: first.reportID) == .acknowledged)
        #expect(try await fixture.database.reportCount() == 1)

        _ = try await fixture.database.revokeBox(IngestFixture.boxID, at: now)
        let second = try await enqueue(day: 3)
        #expect(try await sender.sendDue() == OutboxSender.Round(refused: 1))
        #expect(try await outbox.outboxItems().first { $0.reportID == second.reportID }?.lastStatus == 403)
        #expect(try await fixture.database.reportCount() == 1)
    }
}
