import FoundationEssentials
import RelaisCore

/// Delivers one outbox item to the collector and returns its answer; throws when there was none.
public protocol CollectorTransport: Sendable {
    func deliver(_ item: OutboxItem) async throws -> HTTPSAnswer
}

/// The real transport: `POST <collector>/v1/<kind>` with the signed bytes as the body.
///
/// Headers: `Content-Type: application/json`, `Relais-Box` (the box id), `Relais-Report-Id`, and
/// `Relais-Signature: ed25519=<base64 of the 64 bytes>` over exactly the body.
public struct HTTPSCollectorTransport: CollectorTransport {
    public let collectorURL: String
    public let boxID: BoxID
    public let client: CurlHTTPSClient

    public init(collectorURL: String, boxID: BoxID, client: CurlHTTPSClient) {
        self.collectorURL = collectorURL.hasSuffix("/") ? String(collectorURL.dropLast()) : collectorURL
        self.boxID = boxID
        self.client = client
    }

    public static func url(base: String, kind: OutboxKind) -> String { "\(base)/v1/\(kind.rawValue)" }

    public func deliver(_ item: OutboxItem) async throws -> HTTPSAnswer {
        try await client.post(url: Self.url(base: collectorURL, kind: item.kind), headers: [
            ("Content-Type", "application/json"), ("Relais-Box", boxID.rawValue), ("Relais-Report-Id", item.reportID),
            ("Relais-Signature", "ed25519=" + Data(item.signature).base64EncodedString()),
        ], body: item.body)
    }
}
