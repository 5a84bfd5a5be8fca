import RelaisHTTP

/// The view model of `/statut`: the time left and the « Se déconnecter » form.
struct StatusPage {
    var timeLeft: String
    var idleLimit: String
    var token: String
    var langField: String?
    var problem: Bool

    var values: [String: Any] {
        var values: [String: Any] = ["timeLeft": timeLeft, "idleLimit": idleLimit, "token": token, "problem": problem]
        if let langField { values["langField"] = langField }
        return values
    }
}

extension PortalResponder {
    /// `GET /statut`: the connected device's time left, or back to the welcome page.
    func status(_ visit: PortalVisit, problem: Bool = false, status: Int = 200) -> HTTPResponse {
        guard let session = gateway.directory.session(forIPAddress: visit.ipAddress) else {
            return .redirect(to: "/" + visit.languageQuery)
        }
        let page = StatusPage(
            timeLeft: visit.language.duration(seconds: session.remainingSeconds(at: visit.now)),
            idleLimit: visit.language.duration(seconds: session.idleSeconds),
            token: forms.issue(for: visit.ipAddress, now: visit.now),
            langField: visit.languageField, problem: problem)
        return renderer.page("status", page.values, visit: visit, status: status, switchPath: "/statut")
    }
}
