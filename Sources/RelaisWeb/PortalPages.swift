import FoundationEssentials
import Logging
import RelaisCore
import RelaisGateway
import RelaisHTTP

/// The captive portal's pages, API and files: what the routes of ``PortalResponder`` call.
struct PortalPages: Sendable {
    /// Longest original address carried in `continue`; longer ones are dropped, not cut.
    static let maxContinueLength = 2048

    let settings: PortalSettings
    let gateway: any VisitorGateway
    let forms: FormTokens
    let renderer: PortalRenderer
    let templates: PortalTemplates
    let clock: @Sendable () -> Date
    let logger: Logger
    /// The places of help the `/aide/lieux` pages list; nil lists none.
    let placesSource: PlacesSource?
    /// `settings.portalURL`, built once: every redirect carries it.
    let portalURL: String
    /// The privacy notice of every language and its version.
    let notice: PortalNotice
    /// The welcome page, rendered once per language and variant.
    var splashPages: [SplashVariant: PrerenderedPage] = [:]
    /// The help offer and the kiosk screen; nil when the box shows none.
    let help: PortalHelp?
    /// The kiosk's QR codes, drawn once (their texts come from the config).
    let kioskCodes: KioskCodes
    /// The help banner last rendered per language, reused while the offer is unchanged.
    let helpBanners = HelpBannerCache()

    init(settings: PortalSettings, gateway: any VisitorGateway, forms: FormTokens, templates: PortalTemplates,
         digest: any TextDigest, help: PortalHelp? = nil, clock: @escaping @Sendable () -> Date, logger: Logger,
         places: PlacesSource? = nil) {
        self.help = help
        self.kioskCodes = KioskCodes(kiosk: help?.kiosk, portalURL: settings.portalURL, messages: templates.messages, logger: logger)
        self.settings = settings
        self.gateway = gateway
        self.forms = forms
        self.renderer = PortalRenderer(settings: settings, templates: templates)
        self.templates = templates
        self.clock = clock
        self.logger = logger
        self.placesSource = places
        self.portalURL = settings.portalURL
        self.notice = PortalNotice(settings: settings, messages: templates.messages, digest: digest)
        let pages = self
        self.splashPages = renderer.prerenderSplashPages { language, explicit in
            pages.splashPage(
                language, explicitLanguage: explicit, token: PrerenderedPage.Slot.token.marker,
                continueURL: PrerenderedPage.Slot.continueURL.marker, problem: false)
        }
    }

    /// The visit of a request that reached one of the portal's own routes.
    func visit(_ request: HTTPRequest, _ context: PortalContext) -> PortalVisit {
        PortalVisit(request: request, context: context, now: clock())
    }

    /// The portal's routes. Everything but the two form posts is answered at once on the server
    /// thread (directory look-ups, a token, a render); the posts go to the gateway.
    func router() -> Router<PortalContext> {
        var router = Router<PortalContext>()
        // Outermost first: the language is known to every page, error pages included, and every
        // answer (error pages too) gets the security and cache headers and is logged.
        router.add(middleware: LanguageMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CachePolicyMiddleware())
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: ErrorMiddleware { error, request, context in self.errorPage(error, request, context) })
        router.get("/", .immediate { request, context in try self.splash(self.visit(request, context)) })
        router.get("/statut", .immediate { request, context in try self.status(self.visit(request, context)) })
        router.get("/confidentialite", .immediate { request, context in self.privacy(self.visit(request, context)) })
        router.get("/api/captive", .immediate { request, context in try self.captiveAPI(self.visit(request, context)) })
        router.get("/static/:file", .immediate { _, context in try self.staticFile(context.parameters["file"] ?? "") })
        // A form address opened directly (a bookmark, a reload) leads back to its page.
        router.get("/connexion", .immediate { _, context in .redirect(to: "/" + Self.languageQuery(context)) })
        router.get("/deconnexion", .immediate { _, context in .redirect(to: "/statut" + Self.languageQuery(context)) })
        router.get("/aide/lieux", .async { request, context in try await self.places(self.visit(request, context)) })
        router.get("/aide/lieux/:id", .async { request, context in
            let raw = context.parameters["id"] ?? ""
            let id = URLEncodedForm.decode(Array("id=\(raw)".utf8))?["id"] ?? raw
            return try await self.place(self.visit(request, context), id: id)
        })
        router.post("/connexion", .async { request, context in try await self.connect(request, context) })
        router.post("/deconnexion", .async { request, context in try await self.disconnect(request, context) })
        router.get("/oublier", .immediate { _, context in .redirect(to: "/statut" + Self.languageQuery(context)) })
        router.post("/oublier", .async { request, context in try await self.forgetDevice(request, context) })
        addHelpRoutes(to: &router)
        return router
    }

    static func languageQuery(_ context: PortalContext) -> String {
        context.explicitLanguage ? "?lang=\(context.language.rawValue)" : ""
    }
}
