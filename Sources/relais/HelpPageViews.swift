import FoundationEssentials
import RelaisCore
import RelaisGateway
import RelaisHTTP

/// The portal's responder, counting in the usage stream the help pages (the places, the help request
/// and its follow-up) and the kiosk screen each time one is shown. Counts only: no address, no path.
struct HelpPageViews: HTTPResponder {
    let responder: any HTTPResponder
    let usage: UsageRecorder
    let clock: @Sendable () -> Date

    init(_ responder: any HTTPResponder, usage: UsageRecorder, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.responder = responder
        self.usage = usage
        self.clock = clock
    }

    func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        guard let response = responder.immediateResponse(to: request) else { return nil }
        count(request, response)
        return response
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let response = await responder.respond(to: request)
        count(request, response)
        return response
    }

    private func count(_ request: HTTPRequest, _ response: HTTPResponse) {
        guard request.method == "GET", response.status == 200, let event = Self.event(for: request, at: clock()) else { return }
        usage.record(event)
    }

    /// The event a successful GET of this page counts, if any. The follow-up page's own refreshes
    /// (`auto=1`) are not new views.
    static func event(for request: HTTPRequest, at now: Date) -> UsageEvent? {
        switch request.path {
        case "/kiosk": return .kioskViewed(at: now)
        case "/aide/lieux", "/aide/demande": return .helpPageViewed(at: now)
        case "/aide/suivi": return request.queryParameters?["auto"] == "1" ? nil : .helpPageViewed(at: now)
        default: return request.path.hasPrefix("/aide/lieux/") ? .helpPageViewed(at: now) : nil
        }
    }
}
