import FoundationEssentials
import Logging
import RelaisCore
import RelaisGateway
import RelaisHTTP
import RelaisStore
import RelaisWeb

extension FormPurpose {
    static let staffSignIn = FormPurpose("staff-sign-in")
    static let staffSignOut = FormPurpose("staff-sign-out")
    static let staffPresence = FormPurpose("staff-presence")
    static let staffRoster = FormPurpose("staff-roster")
    static let staffHelp = FormPurpose("staff-help")
    static let staffWorkshop = FormPurpose("staff-workshop")
}

/// The agents' pages: what the routes of ``StaffResponder`` call.
struct StaffPages: Sendable {
    static let templateNames = [
        "staff/layout", "staff/header", "staff/sign-in", "staff/home", "staff/roster", "staff/workshops",
        "staff/workshop-edit", "staff/workshop-fields", "staff/error",
    ]

    /// Keys the Swift code reads (with their placeholders), checked in every catalogue at start-up.
    static let codeKeys: [String: [String]] = {
        var keys: [String: [String]] = [
            "staff.sign_in.locked": ["time"], "staff.home.until": ["time"], "staff.home.next_line": ["name", "date", "time"],
            "staff.roster.week_of": ["date"], "staff.roster.remove_label": ["name", "start", "end"],
            "staff.workshops.when": ["date", "time"], "staff.workshops.seats_count": ["count"],
            "staff.date": ["weekday", "day", "month"],
            "staff.home.visitors_see": ["label"], "staff.roster.hours": ["start", "end"], "staff.topic.none": [],
        ]
        for topic in HelpTopic.allCases { keys["staff.topic.\(topic.rawValue)"] = [] }
        for weekday in Weekday.allCases { keys["staff.weekday.\(weekday.rawValue)"] = [] }
        for month in 1...12 { keys["staff.month.\(month)"] = [] }
        for code in HTTPError.Code.allCases { keys["error.\(code.rawValue).title"] = []; keys["error.\(code.rawValue).text"] = [] }
        return keys
    }()

    let settings: StaffSettings
    let store: AppDatabase
    let helpDesk: HelpDesk
    let authenticator: StaffAuthenticator
    let forms: FormTokens
    let templates: PageTemplateSet
    let clock: @Sendable () -> Date
    let logger: Logger

    func router() -> Router<StaffContext> {
        var router = Router<StaffContext>()
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CachePolicyMiddleware())
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: ErrorMiddleware { error, _, context in self.errorPage(error, context) })
        router.add(middleware: StaffSessionMiddleware(store: store, clock: clock))
        router.get("/static/:file", .immediate { _, context in try self.staticFile(context.parameters["file"] ?? "") })
        router.get("/", .immediate { _, context in .redirect(to: "/agent" + Self.languageQuery(context)) })
        router.get("/agent/connexion", .async { request, context in try self.signInPage(request, context) })
        router.post("/agent/connexion", .async { request, context in try await self.signIn(request, context) })
        router.post("/agent/deconnexion", .async { request, context in try await self.signOut(request, context) })
        router.get("/agent", .async { request, context in
            try await self.signedIn(context) { try await self.home($0, request, context) }
        })
        router.post("/agent/presence", .async { request, context in try await self.presence(request, context) })
        router.post("/agent/demandes/:id/prise", .async { request, context in try await self.helpAction(request, context, take: true) })
        router.post("/agent/demandes/:id/cloture", .async { request, context in try await self.helpAction(request, context, take: false) })
        router.get("/agent/planning", .async { request, context in
            try await self.signedIn(context) { try await self.roster($0, request, context) }
        })
        router.post("/agent/planning/ajout", .async { request, context in try await self.addSlot(request, context) })
        router.post("/agent/planning/:id/suppression", .async { request, context in try await self.removeSlot(request, context) })
        router.get("/agent/ateliers", .async { request, context in
            try await self.signedIn(context) { try await self.workshops($0, request, context, draft: nil) }
        })
        router.post("/agent/ateliers", .async { request, context in try await self.createWorkshop(request, context) })
        router.get("/agent/ateliers/:id", .async { request, context in
            try await self.signedIn(context) { try await self.editWorkshop($0, request, context) }
        })
        router.post("/agent/ateliers/:id", .async { request, context in try await self.updateWorkshop(request, context) })
        router.post("/agent/ateliers/:id/suppression", .async { request, context in try await self.deleteWorkshop(request, context) })
        return router
    }

    /// Runs `body` for the signed-in agent; without a session, the answer is the sign-in page.
    func signedIn(_ context: StaffContext, _ body: (Agent) async throws -> HTTPResponse) async throws -> HTTPResponse {
        guard let agent = context.agent else { return .redirect(to: "/agent/connexion" + Self.languageQuery(context), status: 303) }
        return try await body(agent)
    }

    static func languageQuery(_ context: StaffContext) -> String {
        context.explicitLanguage ? "?lang=\(context.language.rawValue)" : ""
    }

    /// A redirect after a successful post (post/redirect/get), keeping the chosen language.
    static func seeOther(_ path: String, _ context: StaffContext) -> HTTPResponse {
        .redirect(to: path + languageQuery(context), status: 303)
    }

    func staticFile(_ name: String) throws(HTTPError) -> HTTPResponse {
        guard StaticAsset.isServableName(name), let asset = templates.assets[name] else { throw HTTPError(.notFound) }
        return HTTPResponse(status: 200, headers: [("Content-Type", asset.contentType)], body: asset.bytes)
    }
}
