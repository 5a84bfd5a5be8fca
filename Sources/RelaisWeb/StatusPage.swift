import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// The view model of `/statut`: the time left and the « Se déconnecter » form.
struct StatusPage {
    var timeLeft: String
    var idleRule: String
    var token: String
    var langField: String?
    var problem: Bool
    /// The « Ne plus se souvenir de cet appareil » form's token, when the device is remembered.
    var forgetToken: String? = nil
    /// The device was just forgotten.
    var forgotten = false
    var helpBanner: TrustedHTML

    var values: [String: Any] {
        var values: [String: Any] = ["timeLeft": timeLeft, "idleRule": idleRule, "token": token, "problem": problem, "helpBanner": helpBanner]
        if let langField { values["langField"] = langField }
        if let forgetToken { values["forget"] = ["token": forgetToken] }
        values["forgotten"] = forgotten
        return values
    }
}

extension PortalPages {
    /// `GET /statut`: the connected device's time left, or back to the welcome page.
    func status(_ visit: PortalVisit, problem: Bool = false, status: Int = 200, forgotten: Bool = false) throws(HTTPError) -> HTTPResponse {
        guard let session = gateway.directory.session(forIPAddress: visit.ipAddress) else {
            return .redirect(to: "/" + visit.languageQuery)
        }
        let messages = renderer.messages[visit.language]
        var page = StatusPage(
            timeLeft: messages.duration(seconds: timeLeft(of: session, at: visit.now)),
            idleRule: messages.format("common.idle_rule", ["duration": messages.duration(seconds: session.idleSeconds)]),
            token: try forms.issue(.disconnect, for: .visitor(ipAddress: visit.ipAddress), now: visit.now),
            langField: visit.languageField, problem: problem,
            helpBanner: helpBanner(visit.language, languageQuery: visit.languageQuery, now: visit.now))
        page.forgotten = forgotten
        if gateway.isRemembered(mac: session.mac) {
            page.forgetToken = try forms.issue(.forgetDevice, for: .visitor(ipAddress: visit.ipAddress), now: visit.now)
        }
        return renderer.page("status", page.values, visit: visit, status: status, switchPath: "/statut")
    }
}

extension PortalPages {
    /// Seconds left in a session as the gateway measures them, on the monotonic clock: setting the date
    /// does not change what the visitor is told. Wall time only for a session the directory no longer holds.
    func timeLeft(of session: Session, at now: Date) -> Int {
        gateway.directory.remainingSeconds(for: session.mac) ?? session.remainingSeconds(at: now)
    }
}
