import RelaisHTTP

/// Why a delivery was refused: the status the box reads (see `CollectorAck.classify`) and a stable code in the
/// body, `{"error":"<code>"}`. 429 and 503 are retried by the box; the other 4xx are final.
public enum IngestRefusal: String, Error, Sendable, CaseIterable {
    case tooLarge = "too-large"
    case unknownBox = "unknown-box"
    case revokedBox = "revoked-box"
    case badSignature = "bad-signature"
    case malformed
    case periodInFuture = "period-in-future"
    case periodBeforeRegistration = "period-before-registration"
    case rateLimited = "rate-limited"
    case unavailable

    public var status: Int {
        switch self {
        case .tooLarge: 413
        case .unknownBox, .revokedBox: 403
        case .badSignature: 401
        case .malformed: 400
        case .periodInFuture, .periodBeforeRegistration: 422
        case .rateLimited: 429
        case .unavailable: 503
        }
    }

    /// The answer, with `Retry-After` seconds for 429 and 503.
    func response(retryAfter: Int? = nil) -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Cache-Control", "no-store")]
        if let retryAfter { headers.append(("Retry-After", String(retryAfter))) }
        return HTTPResponse(status: status, headers: headers, body: Array("{\"error\":\"\(rawValue)\"}".utf8))
    }
}
