import FoundationEssentials
import Logging
import RelaisCore

/// Sends the outbox's pending items, oldest first, while the head is due: the scheduler runs `sendDue`
/// every minute. A transient failure stops the round (later items wait, so order is kept) and puts the
/// head off with backoff; a refusal marks the head failed for good and the round goes on.
public struct OutboxSender: Sendable {
    let outbox: any OutboxStore
    let transport: any CollectorTransport
    let clocks: any Clocks
    let backoff: OutboxBackoff
    let jitter: @Sendable () -> Double
    let logger: Logger
    /// Items one round sends at most, so that a long backlog does not hold the scheduler for long.
    let roundLimit: Int

    public init(outbox: any OutboxStore, transport: any CollectorTransport, clocks: any Clocks, backoff: OutboxBackoff = OutboxBackoff(),
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, logger: Logger, roundLimit: Int = 500) {
        self.outbox = outbox
        self.transport = transport
        self.clocks = clocks
        self.backoff = backoff
        self.jitter = jitter
        self.logger = logger
        self.roundLimit = roundLimit
    }

    /// What one round did.
    public struct Round: Sendable, Equatable {
        public var acknowledged = 0
        public var refused = 0
        /// The head failed and waits for its next attempt.
        public var deferred = false

        public init(acknowledged: Int = 0, refused: Int = 0, deferred: Bool = false) {
            self.acknowledged = acknowledged
            self.refused = refused
            self.deferred = deferred
        }
    }

    @discardableResult
    public func sendDue() async throws -> Round {
        var round = Round()
        for _ in 0..<roundLimit {
            let now = clocks.wallNow()
            guard let head = try await outbox.nextPending(), head.nextAttemptAt <= now else { break }
            var status: Int? = nil
            var body: [UInt8] = []
            do {
                let answer = try await transport.deliver(head)
                status = answer.status
                body = answer.body
            } catch {
                logger.notice("collector not reached", metadata: ["push.report": "\(head.reportID)", "push.error": "\(error)"])
            }
            switch CollectorAck.classify(status: status, body: body, reportID: head.reportID) {
            case .acknowledged:
                try await outbox.markAcknowledged(head.reportID, at: clocks.wallNow(), status: status ?? 200)
                round.acknowledged += 1
            case .refused:
                try await outbox.markFailed(head.reportID, status: status ?? 400)
                logger.error("collector refused a report; kept, not sent again",
                             metadata: ["push.report": "\(head.reportID)", "push.status": "\(status ?? 0)"])
                round.refused += 1
            case .retry:
                let wait = backoff.delay(afterAttempts: head.attempts + 1, jitter: jitter())
                try await outbox.markRetry(head.reportID, next: clocks.wallNow().addingTimeInterval(wait), status: status)
                logger.info("report delivery deferred", metadata: [
                    "push.report": "\(head.reportID)", "push.status": "\(status.map(String.init) ?? "none")",
                    "push.retry_seconds": "\(Int(wait))",
                ])
                round.deferred = true
                return round
            }
        }
        return round
    }
}
