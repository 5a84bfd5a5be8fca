import FoundationEssentials
import RelaisCore
import RelaisHTTP
import RelaisWeb

/// Page rendering, form tokens and local-time texts shared by every staff page.
extension StaffPages {
    /// The page `name` inside the staff layout, in the request's language. Signed-in pages get the
    /// agent's name and a sign-out form.
    func page(_ name: String, _ values: [String: Any], context: StaffContext, path: String, status: Int = 200) throws(HTTPError) -> HTTPResponse {
        var all = values
        all["venueName"] = settings.venueName
        let other = context.language == .fr ? PortalLanguage.en : .fr
        all["switchHref"] = "\(path)\(path.contains("?") ? "&" : "?")lang=\(other.rawValue)"
        all["langQuery"] = Self.languageQuery(context)
        all["langField"] = context.explicitLanguage ? context.language.rawValue : ""
        if let agent = context.agent {
            all["agentName"] = agent.displayName
            all["signOutToken"] = try token(.staffSignOut, context)
        }
        guard let html = templates.render(name, language: context.language, values: all) else { return HTTPResponse(status: 500) }
        return HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
    }

    /// A fresh token for one form of the signed-in agent's session.
    func token(_ purpose: FormPurpose, _ context: StaffContext) throws(HTTPError) -> String {
        guard let key = context.sessionKey else { throw HTTPError(.forbidden) }
        return try forms.issue(purpose, for: .session(id: key), now: clock())
    }

    /// The urlencoded fields of a post; 400 when it is not one or is too large.
    func formFields(_ request: HTTPRequest) throws(HTTPError) -> [String: String] {
        guard let type = request.header("content-type")?.lowercased(),
              type.split(separator: ";").first?.trimmingOptionalWhitespace() == "application/x-www-form-urlencoded",
              request.body.count <= settings.maxBodyBytes, let form = request.formParameters
        else { throw HTTPError(.badRequest) }
        return form
    }

    /// A signed-in agent's post: its token is spent for `purpose` and this session, then `body` runs.
    /// Without a session the answer leads to the sign-in page; a missing, reused or foreign token is 403.
    func post(
        _ request: HTTPRequest, _ context: StaffContext, _ purpose: FormPurpose,
        _ body: (Agent, [String: String]) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let agent = context.agent, let key = context.sessionKey else { return Self.seeOther("/agent/connexion", context) }
        let form = try formFields(request)
        switch forms.spend(form["token"] ?? "", purpose, from: .session(id: key), now: clock()) {
        case .accepted:
            return try await body(agent, form)
        case .unavailable(let error):
            throw error
        case .refused(let refusal):
            logger.info("staff form refused", metadata: ["staff.token": "\(refusal.rawValue)"])
            throw HTTPError(.forbidden)
        }
    }

    func errorPage(_ error: HTTPError, _ context: StaffContext) -> HTTPResponse {
        let texts = templates.messages[context.language]
        let values: [String: Any] = [
            "errorTitle": texts["error.\(error.code.rawValue).title"], "errorText": texts["error.\(error.code.rawValue).text"],
            "venueName": settings.venueName, "langQuery": Self.languageQuery(context), "switchHref": "/agent",
        ]
        guard let html = templates.render("staff/error", language: context.language, values: values) else { return HTTPResponse(status: 500) }
        return HTTPResponse(status: error.status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8))
    }

    /// `14:30`, local.
    func timeText(_ instant: Date) -> String {
        let local = settings.zone.localDateTime(at: instant).time
        return LocalTime(hour: local.hour, minute: local.minute)?.description ?? local.description
    }

    /// « lundi 30 novembre » / « Monday 30 November ».
    func dateText(_ date: LocalDate, _ language: PortalLanguage) -> String {
        let texts = templates.messages[language]
        return texts.format("staff.date", [
            "weekday": texts["staff.weekday.\(date.weekday.rawValue)"], "day": "\(date.day)", "month": texts["staff.month.\(date.month)"],
        ])
    }

    /// The local date and time now.
    var localNow: LocalDateTime { settings.zone.localDateTime(at: clock()) }
}
