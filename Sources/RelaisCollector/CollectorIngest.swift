import FoundationEssentials
import Logging
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import RelaisStore

/// The collector's ingest: checks a delivery (size, box, signature, rate, schema, period) in that order and
/// stores it once. Answers `{"ack":"<report id>"}` for a report stored now or before (`CollectorAck`).
public struct CollectorIngest: Sendable {
    /// Daily reports are a few kilobytes; the outbox allows at most 1 MiB.
    public static let defaultMaxBodyBytes = 262_144

    public let database: CollectorDatabase
    public let rateLimiter: BoxRateLimiter
    public let maxBodyBytes: Int
    public let now: @Sendable () -> Date
    public let logger: Logger

    public init(database: CollectorDatabase, rateLimiter: BoxRateLimiter = BoxRateLimiter(),
                maxBodyBytes: Int = defaultMaxBodyBytes, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.rateLimiter = rateLimiter
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
        self.now = now
    }

    /// Adds `POST /v1/daily-report` and `POST /v1/duty-status` to `router`.
    public func addRoutes<Context: RequestContext>(to router: inout Router<Context>) {
        router.post("/v1/\(OutboxKind.dailyReport.rawValue)", .async { request, _ in await self.receive(request, kind: .dailyReport) })
        router.post("/v1/\(OutboxKind.dutyStatus.rawValue)", .async { request, _ in await self.receive(request, kind: .dutyStatus) })
    }

    /// The answer to one delivery.
    public func receive(_ request: HTTPRequest, kind: OutboxKind) async -> HTTPResponse {
        do {
            let reportID = try await ingest(request, kind: kind)
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                                body: CollectorAck.body(for: reportID))
        } catch let refusal as IngestRefusal {
            logger.info("collector.refused", metadata: ["collector.reason": "\(refusal.rawValue)", "collector.kind": "\(kind.rawValue)"])
            return refusal.response(retryAfter: refusal == .unavailable ? 60 : nil)
        } catch let limited as RateLimited {
            logger.info("collector.refused", metadata: ["collector.reason": "rate-limited", "collector.box": "\(limited.box)"])
            return IngestRefusal.rateLimited.response(retryAfter: limited.seconds)
        } catch {
            logger.error("collector.store.failed", metadata: ["collector.error": "\(error)"])
            return IngestRefusal.unavailable.response(retryAfter: 60)
        }
    }

    struct RateLimited: Error {
        let box: BoxID
        let seconds: Int
    }

    /// The report id stored (now or before), or a refusal.
    func ingest(_ request: HTTPRequest, kind: OutboxKind) async throws -> String {
        guard request.body.count <= maxBodyBytes else { throw IngestRefusal.tooLarge }
        guard let boxID = request.header("Relais-Box").flatMap(BoxID.init) else { throw IngestRefusal.malformed }
        guard let box = try await database.box(boxID) else { throw IngestRefusal.unknownBox }
        guard !box.isRevoked else { throw IngestRefusal.revokedBox }
        guard let signature = Self.signature(request.header("Relais-Signature")),
              Ed25519Signer.verify(signature: signature, of: request.body, publicKey: box.publicKey)
        else { throw IngestRefusal.badSignature }
        let receivedAt = now()
        if let wait = rateLimiter.take(boxID, now: receivedAt) { throw RateLimited(box: boxID, seconds: wait) }
        let reportID = request.header("Relais-Report-Id")
        switch kind {
        case .dailyReport:
            guard let (report, date) = DailyReportWire.parse(request.body, box: boxID, reportID: reportID, receivedAt: receivedAt)
            else { throw IngestRefusal.malformed }
            try CollectorPeriod.check(date: date, registeredAt: box.registeredAt, now: receivedAt)
            if try await database.storeReport(report) {
                logger.debug("collector.report.stored", metadata: ["collector.box": "\(boxID)"])
            }
            return report.reportID
        case .dutyStatus:
            guard let status = DutyStatusWire.parse(request.body, box: boxID, reportID: reportID, receivedAt: receivedAt)
            else { throw IngestRefusal.malformed }
            try CollectorPeriod.check(instant: status.at, registeredAt: box.registeredAt, now: receivedAt)
            _ = try await database.storeDutyStatus(status)
            return DutyStatus(boxID: boxID, at: status.at, onDuty: status.onDuty, role: status.role)!.reportID
        }
    }

    /// The 64 bytes of `ed25519=<base64>`, or nil.
    static func signature(_ header: String?) -> [UInt8]? {
        guard let header, header.hasPrefix("ed25519="), let bytes = Data(base64Encoded: String(header.dropFirst(8))),
              bytes.count == Ed25519Signer.signatureLength else { return nil }
        return Array(bytes)
    }
}
