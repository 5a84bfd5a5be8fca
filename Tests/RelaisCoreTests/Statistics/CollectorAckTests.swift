import RelaisCore
import Testing

@Suite struct CollectorAckTests {
    @Test func onlyA2xxEchoingTheIDAcknowledges() {
        let id = "daily-report.v1.mairie.2026-11-02"
        let ack = CollectorAck.body(for: id)
        #expect(String(decoding: ack, as: UTF8.self) == #"{"ack":"daily-report.v1.mairie.2026-11-02"}"#)
        #expect(CollectorAck.classify(status: 200, body: ack, reportID: id) == .acknowledged)
        #expect(CollectorAck.classify(status: 201, body: ack + [0x0A], reportID: id) == .acknowledged)
        #expect(CollectorAck.classify(status: 200, body: CollectorAck.body(for: id + "x"), reportID: id) == .retry)
        #expect(CollectorAck.classify(status: 200, body: [], reportID: id) == .retry)
        #expect(CollectorAck.classify(status: nil, body: [], reportID: id) == .retry)
        #expect(CollectorAck.classify(status: 503, body: ack, reportID: id) == .retry)
        #expect(CollectorAck.classify(status: 429, body: [], reportID: id) == .retry)
        #expect(CollectorAck.classify(status: 408, body: [], reportID: id) == .retry)
        #expect(CollectorAck.classify(status: 400, body: [], reportID: id) == .refused)
        #expect(CollectorAck.classify(status: 401, body: [], reportID: id) == .refused)
    }

    @Test func backoffDoublesWithJitterUpToTheCap() {
        let backoff = OutboxBackoff(baseSeconds: 30, capSeconds: 3600)
        #expect(backoff.delay(afterAttempts: 1, jitter: 1) == 30)
        #expect(backoff.delay(afterAttempts: 1, jitter: 0) == 15)
        #expect(backoff.delay(afterAttempts: 3, jitter: 1) == 120)
        #expect(backoff.delay(afterAttempts: 8, jitter: 1) == 3600)
        #expect(backoff.delay(afterAttempts: 500, jitter: 0.5) == 2700)
    }
}
