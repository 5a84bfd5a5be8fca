import FoundationEssentials
import RelaisHTTP

/// The RFC 8908 Captive Portal API document.
struct CaptiveAPIDocument: Encodable {
    var captive: Bool
    var userPortalURL: String
    var venueInfoURL: String?
    var secondsRemaining: Int?
    var canExtendSession: Bool?

    enum CodingKeys: String, CodingKey {
        case captive
        case userPortalURL = "user-portal-url"
        case venueInfoURL = "venue-info-url"
        case secondsRemaining = "seconds-remaining"
        case canExtendSession = "can-extend-session"
    }
}

extension PortalPages {
    /// `GET /api/captive`. Conforming clients (RFC 8908 §4) only use this API over HTTPS with a valid
    /// certificate, so over plain HTTP it serves tests and tools; TLS in front of it is a later step.
    func captiveAPI(_ visit: PortalVisit) throws(HTTPError) -> HTTPResponse {
        let session = gateway.directory.session(forIPAddress: visit.ipAddress)
        let document = CaptiveAPIDocument(
            captive: session == nil, userPortalURL: portalURL, venueInfoURL: settings.venueInfoURL,
            secondsRemaining: session.map { timeLeft(of: $0, at: visit.now) },
            canExtendSession: session == nil ? nil : false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(document) else { throw HTTPError(.internalError) }
        return HTTPResponse(status: 200, headers: [
            ("Content-Type", "application/captive+json"), ("Cache-Control", "private"),
        ], body: Array(body))
    }
}
