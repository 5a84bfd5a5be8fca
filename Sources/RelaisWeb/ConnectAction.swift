import RelaisCore
import RelaisGateway
import RelaisHTTP

/// The view model of the page after « Se connecter »: connected, or why not and what to do.
struct ConnectionResultPage {
    var outcome: VisitorAcceptOutcome
    var timeLeft: String
    var idleRule: String
    /// The page the visitor first asked for, with its link text.
    var target: (url: String, label: String)?
    /// A fresh form, for outcomes worth another try.
    var retryToken: String?
    var langField: String?
    /// Who can help (connected page only).
    var helpBanner = TrustedHTML(generatedMarkup: "")

    var values: [String: Any] {
        var values: [String: Any] = ["timeLeft": timeLeft, "idleRule": idleRule, "helpBanner": helpBanner]
        if let langField { values["langField"] = langField }
        if let target { values["continueLink"] = ["url": target.url, "label": target.label] }
        if let retryToken { values["retry"] = ["token": retryToken] }
        switch outcome {
        case .connected: break
        case .denied(.blocked): values["blocked"] = true
        case .denied(.unknownDevice), .denied(.invalidDevice): values["unknownDevice"] = true
        case .denied(.capacityReached): values["capacity"] = true
        case .denied(.clockNotSet): values["clockNotSet"] = true
        case .denied(.portBlocksExhausted): values["portBlocks"] = true
        case .failed: values["failed"] = true
        }
        return values
    }
}

extension PortalPages {
    /// `POST /connexion`: spend the token, then ask the gateway to let the device through.
    func connect(_ request: HTTPRequest, _ context: PortalContext) async throws(HTTPError) -> HTTPResponse {
        let form: [String: String], visit: PortalVisit
        switch try readPost(request, context, purpose: .connect) {
        case .refused(let fields, let refusedVisit):
            return try splash(refusedVisit, continueURL: fields["continue"], problem: true, status: 403)
        case .accepted(let fields, let acceptedVisit): (form, visit) = (fields, acceptedVisit)
        }
        // The session records the notice version shown; a ticked box adds a consent, never a condition.
        let outcome = await gateway.acceptTerms(
            ipAddress: visit.ipAddress, termsVersion: notice.version.version,
            consent: consentChoice(form, language: visit.language))
        let now = clock()
        let messages = renderer.messages[visit.language]
        var page = ConnectionResultPage(
            outcome: outcome, timeLeft: "",
            idleRule: messages.format("common.idle_rule", ["duration": messages.duration(seconds: settings.idleSeconds)]),
            target: nil, retryToken: nil, langField: visit.languageField)
        let status: Int
        switch outcome {
        case .connected(let session):
            page.timeLeft = messages.duration(seconds: timeLeft(of: session, at: now))
            page.helpBanner = helpBanner(visit.language, languageQuery: visit.languageQuery, now: now)
            page.target = ContinueTarget(form["continue"], portalHost: settings.host).map {
                (url: $0.url, label: messages.format("connected.continue", ["host": $0.host]))
            }
            status = 200
        case .denied(.blocked):
            status = 403
        case .denied(.capacityReached), .denied(.clockNotSet), .denied(.portBlocksExhausted):
            // The box is full (a place or a port block frees up when a session ends), or waits for NTP: both pass soon.
            page.retryToken = try? forms.issue(.connect, for: .visitor(ipAddress: visit.ipAddress), now: now)
            status = 503
        case .denied:
            page.retryToken = try? forms.issue(.connect, for: .visitor(ipAddress: visit.ipAddress), now: now)
            status = 403
        case .failed:
            page.retryToken = try? forms.issue(.connect, for: .visitor(ipAddress: visit.ipAddress), now: now)
            status = 503
        }
        return renderer.page(status == 200 ? "connected" : "refused", page.values, visit: visit, status: status, switchPath: "/")
    }
}
