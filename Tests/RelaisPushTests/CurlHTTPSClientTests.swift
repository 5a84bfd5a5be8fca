import Foundation
import RelaisCore
import RelaisCrypto
import RelaisPush
import Testing

@Suite struct CurlHTTPSClientTests {
    @Test func postsOverTLSTrustingOnlyTheGivenCA() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let signer = try Ed25519Signer.generate()
        let collector = AckingCollector(publicKey: try signer.publicKey())
        let server = try startCollector(collector, certificates: certificates)
        defer { server.stop() }
        let item = try signedReport(1, signer: signer, at: Date())
        let transport = HTTPSCollectorTransport(collectorURL: "https://127.0.0.1:\(server.boundPort)/", boxID: BoxID("mairie-test")!,
                                                client: CurlHTTPSClient(caFile: certificates.caFile))
        let answer = try await transport.deliver(item)
        #expect(answer.status == 200)
        #expect(answer.body == CollectorAck.body(for: item.reportID))
        #expect(collector.stored == [item.reportID])

        // Another CA (the system's store is never consulted either): the TLS handshake is refused, nothing arrives.
        let stranger = HTTPSCollectorTransport(collectorURL: "https://127.0.0.1:\(server.boundPort)", boxID: BoxID("mairie-test")!,
                                               client: CurlHTTPSClient(caFile: certificates.otherCAFile))
        let refused = await #expect(throws: PushError.self) { try await stranger.deliver(item) }
        #expect(refused?.code == .transport)
        #expect(collector.deliveries.count == 1)
    }

    @Test func plainHTTPAndNoServerAreTransportErrors() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let client = CurlHTTPSClient(caFile: certificates.caFile, connectTimeoutSeconds: 5, timeoutSeconds: 10)
        let plain = await #expect(throws: PushError.self) { try await client.post(url: "http://127.0.0.1:9/", headers: [], body: [1]) }
        #expect(plain?.code == .transport)
        // Port 9 (discard) on loopback: nothing listens in the test environment; the connection is refused.
        let closed = await #expect(throws: PushError.self) { try await client.post(url: "https://127.0.0.1:9/", headers: [], body: [1]) }
        #expect(closed?.code == .transport)
    }
}
