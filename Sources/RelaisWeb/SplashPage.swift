import RelaisHTTP

/// The view model of the welcome page: the rules and the one « Se connecter » form.
struct SplashPage {
    var token: String
    var continueURL: String
    var langField: String?
    var sessionLimit: String
    var idleLimit: String
    /// The previous form was refused (expired, reused, another device).
    var problem: Bool

    var values: [String: Any] {
        var values: [String: Any] = [
            "token": token, "continue": continueURL, "problem": problem,
            "sessionLimit": sessionLimit, "idleLimit": idleLimit,
        ]
        if let langField { values["langField"] = langField }
        return values
    }
}

extension PortalResponder {
    /// `GET /`: the welcome page, or the status page for a device already connected.
    func splash(_ visit: PortalVisit, continueURL: String? = nil, problem: Bool = false, status: Int = 200) -> HTTPResponse {
        if !problem, gateway.directory.session(forIPAddress: visit.ipAddress) != nil {
            return .redirect(to: "/statut" + visit.languageQuery)
        }
        let target = continueURL ?? visit.query["continue"] ?? ""
        let page = SplashPage(
            token: forms.issue(for: visit.ipAddress, now: visit.now),
            continueURL: target.utf8.count <= Self.maxContinueLength ? target : "",
            langField: visit.languageField,
            sessionLimit: visit.language.duration(seconds: settings.sessionSeconds),
            idleLimit: visit.language.duration(seconds: settings.idleSeconds), problem: problem)
        return renderer.page("splash", page.values, visit: visit, status: status, switchPath: "/")
    }
}
