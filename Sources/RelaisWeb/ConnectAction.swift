import RelaisCore
import RelaisGateway
import RelaisHTTP

/// The view model of the page after « Se connecter »: connected, or why not and what to do.
struct ConnectionResultPage {
    var outcome: VisitorAcceptOutcome
    var timeLeft: String
    var idleLimit: String
    var target: ContinueTarget?
    /// A fresh form, for outcomes worth another try.
    var retryToken: String?
    var langField: String?

    var values: [String: Any] {
        var values: [String: Any] = ["timeLeft": timeLeft, "idleLimit": idleLimit]
        if let langField { values["langField"] = langField }
        if let target { values["continueLink"] = ["url": target.url, "host": target.host] }
        if let retryToken { values["retry"] = ["token": retryToken] }
        switch outcome {
        case .connected: break
        case .denied(.blocked): values["blocked"] = true
        case .denied(.unknownDevice), .denied(.invalidDevice): values["unknownDevice"] = true
        // Until the web layer has its own page for a full box, it shows the "try again" one.
        case .denied(.capacityReached): values["failed"] = true
        case .failed: values["failed"] = true
        }
        return values
    }
}

extension PortalResponder {
    /// `POST /connexion`: spend the token, then ask the gateway to let the device through.
    func connect(_ request: HTTPRequest) async -> HTTPResponse {
        let form: [String: String], visit: PortalVisit
        switch readPost(request) {
        case .malformed(let arrival): return errorPage(.badRequest, visit: arrival)
        case .refused(let fields, let refusedVisit):
            return splash(refusedVisit, continueURL: fields["continue"], problem: true, status: 403)
        case .accepted(let fields, let acceptedVisit): (form, visit) = (fields, acceptedVisit)
        }
        let outcome: VisitorAcceptOutcome
        if let address = IPAddress(visit.ipAddress) {
            outcome = await gateway.acceptTerms(ipAddress: address, termsVersion: settings.termsVersion)
        } else {
            outcome = .denied(.unknownDevice)
        }
        let now = clock()
        var page = ConnectionResultPage(
            outcome: outcome, timeLeft: "", idleLimit: visit.language.duration(seconds: settings.idleSeconds),
            target: nil, retryToken: nil, langField: visit.languageField)
        let status: Int
        switch outcome {
        case .connected(let session):
            page.timeLeft = visit.language.duration(seconds: session.remainingSeconds(at: now))
            page.target = ContinueTarget(form["continue"], portalHost: settings.host)
            status = 200
        case .denied(.blocked):
            status = 403
        case .denied(.unknownDevice), .denied(.invalidDevice):
            page.retryToken = forms.issue(for: visit.ipAddress, now: now)
            status = 403
        case .failed, .denied(.capacityReached):
            page.retryToken = forms.issue(for: visit.ipAddress, now: now)
            status = 503
        }
        return renderer.page(status == 200 ? "connected" : "refused", page.values, visit: visit, status: status, switchPath: "/")
    }

}
