import FoundationEssentials
import Logging
import RelaisCore
import RelaisGateway
import RelaisHTTP

/// The captive portal's pages, API and files. Everything but the two form posts is answered at once
/// on the server thread (directory look-ups, a token, a render); the posts go to the gateway.
public struct PortalResponder: HTTPResponder {
    let settings: PortalSettings
    let gateway: any VisitorGateway
    let forms: PortalForms
    let renderer: PortalRenderer
    let templates: PortalTemplates
    let clock: @Sendable () -> Date
    let logger: Logger
    /// `settings.portalURL`, built once: every redirect carries it.
    let portalURL: String
    /// The welcome page, rendered once per language and variant.
    var splashPages: [SplashVariant: PrerenderedPage] = [:]

    /// - Parameters:
    ///   - codec: checks form tokens; build it over the box's HMAC key.
    ///   - random: gives each form's nonce.
    ///   - usedTokens: spent tokens; shared by every responder of the process.
    ///   - templates: from `PortalTemplates.load(from: settings.assetsDirectory)`.
    public init(
        settings: PortalSettings, gateway: any VisitorGateway, codec: FormTokenCodec, random: any RandomSource,
        templates: PortalTemplates, usedTokens: UsedFormTokens = UsedFormTokens(),
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.settings = settings
        self.gateway = gateway
        self.forms = PortalForms(codec: codec, random: random, used: usedTokens, lifetimeSeconds: settings.formTokenSeconds)
        self.renderer = PortalRenderer(settings: settings, templates: templates)
        self.templates = templates
        self.clock = clock
        self.logger = logger
        self.portalURL = settings.portalURL
        let responder = self
        self.splashPages = renderer.prerenderSplashPages { language, explicit in
            responder.splashPage(
                language, explicitLanguage: explicit, token: PrerenderedPage.Slot.token.marker,
                continueURL: PrerenderedPage.Slot.continueURL.marker, problem: false)
        }
    }

    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        let host = request.host
        if host == settings.host, request.method == "POST", Self.postPaths.contains(request.path) { return nil }
        return Self.finish(route(request, host: host), for: request)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let answer = immediateResponse(to: request) { return answer }
        let response: HTTPResponse
        switch request.path {
        case "/connexion": response = await connect(request)
        default: response = await disconnect(request)
        }
        return Self.finish(response, for: request)
    }

    static let postPaths: Set<String> = ["/connexion", "/deconnexion"]

    /// Every answer that needs no slow work.
    private func route(_ request: HTTPRequest, host: String) -> HTTPResponse {
        guard host == settings.host else { return redirectToPortal(request, host: host) }
        let visit = PortalVisit(request: request, now: clock())
        guard ["GET", "HEAD", "POST"].contains(request.method) else {
            return errorPage(.methodNotAllowed, visit: visit, allow: "GET, HEAD, POST")
        }
        let isGet = request.method != "POST"
        switch request.path {
        case "/" where isGet: return splash(visit)
        case "/statut" where isGet: return status(visit)
        case "/confidentialite" where isGet: return privacy(visit)
        case "/api/captive" where isGet: return captiveAPI(visit)
        case "/connexion" where isGet: return .redirect(to: "/" + visit.languageQuery)
        case "/deconnexion" where isGet: return .redirect(to: "/statut" + visit.languageQuery)
        case "/", "/statut", "/confidentialite", "/api/captive":
            return errorPage(.methodNotAllowed, visit: visit, allow: "GET, HEAD")
        default:
            if isGet, request.path.hasPrefix("/static/") { return staticFile(request) }
            return errorPage(.notFound, visit: visit)
        }
    }

    /// HEAD gets the headers of GET without the body.
    private static func finish(_ response: HTTPResponse, for request: HTTPRequest) -> HTTPResponse {
        guard request.method == "HEAD" else { return response }
        var head = response
        head.body = []
        return head
    }
}
