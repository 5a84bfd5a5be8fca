import FoundationEssentials
import Logging
import RelaisCollector
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import RelaisStore
import RelaisTesting
import Synchronization

/// A collector database with one registered box whose key the test made, and the router of its ingest.
struct IngestFixture {
    static let registeredAt = Date(timeIntervalSince1970: 1_793_000_000)  // 2026-10-26
    static let boxID = BoxID("mairie-lannion")!

    let database: CollectorDatabase
    let signer: Ed25519Signer
    let clock: TestClock
    let responder: RouterResponder<BasicRequestContext>

    init(now: Date = Date(timeIntervalSince1970: 1_796_000_000), limiter: BoxRateLimiter = BoxRateLimiter(),
         maxBodyBytes: Int = CollectorIngest.defaultMaxBodyBytes) async throws {
        database = try CollectorDatabase.temporary()
        signer = try Ed25519Signer.generate()
        clock = TestClock(now)
        _ = try await database.addBox(CollectorBox(
            id: Self.boxID, siteName: "Médiathèque", commune: "Lannion", inseeCode: "22113", epci: "Lannion-Trégor Communauté",
            latitude: 48.73, longitude: -3.46, publicKey: try signer.publicKey(), registeredAt: Self.registeredAt))
        let clock = clock
        let ingest = CollectorIngest(database: database, rateLimiter: limiter, maxBodyBytes: maxBodyBytes,
                                     logger: LogRecorder().logger(), now: { clock.now })
        var router = Router<BasicRequestContext>()
        ingest.addRoutes(to: &router)
        responder = router.buildResponder()
    }

    /// A report of `day` (November 2026) with one suppressed cell.
    static func report(day: Int = 2, box: BoxID = boxID) -> DailyReport {
        let date = LocalDate(year: 2026, month: 11, day: day)!
        var counts = CountTable(name: "sessions.started", rows: ["all"], columns: Array(0..<24))
        counts.add(40, row: "all", hour: 10)
        counts.add(3, row: "all", hour: 11)
        let built = SmallCellSuppression.apply(counts, threshold: .standard)
        return DailyReport(boxID: box, date: date, timeZone: "Europe/Paris", hoursInDay: 24, threshold: .standard,
                           epsilon: nil, tables: [built])
    }

    /// POSTs `body` to the ingest route of `kind`, signed by `signer` (the box's own key unless given).
    func post(_ body: [UInt8], kind: OutboxKind = .dailyReport, box: String = "mairie-lannion", reportID: String? = nil,
              signer other: Ed25519Signer? = nil, signature: String? = nil) async throws -> HTTPResponse {
        let signatureText = try signature ?? ("ed25519=" + Data(try (other ?? signer).sign(body)).base64EncodedString())
        var headers: [(name: String, value: String)] = [("content-type", "application/json"), ("relais-box", box),
                                                       ("relais-signature", signatureText)]
        if let reportID { headers.append(("relais-report-id", reportID)) }
        let request = HTTPRequest(method: "POST", path: "/v1/\(kind.rawValue)", headers: headers, body: body,
                                  clientAddress: "192.0.2.7", isSecure: true)
        return await responder.respond(to: request)
    }
}

/// A clock the test sets.
final class TestClock: Sendable {
    private let value: Mutex<Date>
    init(_ now: Date) { value = Mutex(now) }
    var now: Date { value.withLock { $0 } }
    func set(_ date: Date) { value.withLock { $0 = date } }
}

/// The error string of a refusal body.
func refusalCode(_ response: HTTPResponse) -> String {
    String(decoding: response.body, as: UTF8.self)
}
