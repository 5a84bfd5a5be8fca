import RelaisHTTP

/// The view model of the welcome page: the rules and the one « Se connecter » form.
struct SplashPage {
    var token: String
    var continueURL: String
    var langField: String?
    var sessionRule: String
    var idleRule: String
    /// The previous form was refused (expired, reused, another device).
    var problem: Bool
    /// The optional consent boxes, each unticked: field name, label and one-line explanation.
    var consentBoxes: [[String: String]] = []
    /// Who can help, from the help offer (a slot marker when pre-rendered).
    var helpBanner: TrustedHTML

    var values: [String: Any] {
        var values: [String: Any] = [
            "token": token, "continue": continueURL, "problem": problem,
            "sessionRule": sessionRule, "idleRule": idleRule, "consentBoxes": consentBoxes, "hasConsentBoxes": !consentBoxes.isEmpty,
            "helpBanner": helpBanner,
        ]
        if let langField { values["langField"] = langField }
        return values
    }
}

extension PortalPages {
    /// `GET /`: the welcome page, or the status page for a device already connected.
    func splash(_ visit: PortalVisit, continueURL: String? = nil, problem: Bool = false, status: Int = 200) throws(HTTPError) -> HTTPResponse {
        if !problem, gateway.directory.session(forIPAddress: visit.ipAddress) != nil {
            return .redirect(to: "/statut" + visit.languageQuery)
        }
        let target = continueURL ?? visit.query["continue"] ?? ""
        let token = try forms.issue(.connect, for: .visitor(ipAddress: visit.ipAddress), now: visit.now)
        let continueValue = target.utf8.count <= Self.maxContinueLength ? target : ""
        if !problem, let cached = splashPages[SplashVariant(language: visit.language, explicitLanguage: visit.explicitLanguage)] {
            let switchHref = renderer.switchHref(visit: visit, path: "/")
            let banner = helpBanner(visit.language, languageQuery: visit.languageQuery, now: visit.now)
            let body = cached.render { slot in
                switch slot {
                case .token: token
                case .continueURL: continueValue
                case .switchHref: switchHref
                case .helpBanner: banner.markup
                }
            }
            return renderer.response(body, status: status)
        }
        var page = splashPage(visit.language, explicitLanguage: visit.explicitLanguage, token: token, continueURL: continueValue, problem: problem)
        page.helpBanner = helpBanner(visit.language, languageQuery: visit.languageQuery, now: visit.now)
        return renderer.page("splash", page.values, visit: visit, status: status, switchPath: "/")
    }

    func splashPage(_ language: PortalLanguage, explicitLanguage: Bool, token: String, continueURL: String, problem: Bool) -> SplashPage {
        let messages = renderer.messages[language]
        return SplashPage(
            token: token, continueURL: continueURL, langField: explicitLanguage ? language.rawValue : nil,
            sessionRule: messages.format("splash.rule_session", ["duration": messages.duration(seconds: settings.sessionSeconds)]),
            idleRule: messages.format("common.idle_rule", ["duration": messages.duration(seconds: settings.idleSeconds)]),
            problem: problem, consentBoxes: consentBoxes(language),
            helpBanner: TrustedHTML(generatedMarkup: PrerenderedPage.Slot.helpBanner.marker))
    }
}

/// Which pre-rendered welcome page fits a visit.
struct SplashVariant: Hashable, Sendable {
    var language: PortalLanguage
    var explicitLanguage: Bool
}

extension PortalRenderer {
    /// The welcome page of every language and variant, rendered once with slots for the token, the
    /// continue address and the language link; a variant whose template lost a slot is left out
    /// (served through the template).
    func prerenderSplashPages(_ page: (PortalLanguage, Bool) -> SplashPage) -> [SplashVariant: PrerenderedPage] {
        var pages: [SplashVariant: PrerenderedPage] = [:]
        for language in PortalLanguage.allCases {
            for explicit in [false, true] {
                let values = page(language, explicit).values
                let query = explicit ? "?lang=\(language.rawValue)" : ""
                guard let html = html("splash", values, language: language, languageQuery: query,
                                      switchHref: PrerenderedPage.Slot.switchHref.marker),
                      let prerendered = PrerenderedPage(html: html) else { continue }
                pages[SplashVariant(language: language, explicitLanguage: explicit)] = prerendered
            }
        }
        return pages
    }
}
