import FoundationEssentials
import Logging
import RelaisCore
import RelaisGateway
import RelaisHTTP

/// The visitors' listener: requests for another host (redirected by the firewall) are sent to the
/// portal at once, before any routing — the cheapest answer, and the most frequent; the portal's own
/// host goes through its router.
public struct PortalResponder: HTTPResponder {
    let pages: PortalPages
    let router: RouterResponder<PortalContext>

    /// - Parameters:
    ///   - codec: checks form tokens; build it over the box's HMAC key.
    ///   - random: gives each form's nonce.
    ///   - usedTokens: spent tokens; shared by every responder of the process.
    ///   - templates: from `PortalTemplates.load(from: settings.assetsDirectory)`.
    ///   - digest: SHA-256, for the privacy notice's version.
    ///   - help: the help offer shown on the pages and the kiosk screen; nil for none.
    ///   - places: the directory of places of help listed on `/aide/lieux`; nil lists none.
    public init(
        settings: PortalSettings, gateway: any VisitorGateway, codec: FormTokenCodec, random: any RandomSource,
        templates: PortalTemplates, digest: any TextDigest, usedTokens: UsedFormTokens = UsedFormTokens(), help: PortalHelp? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger, places: PlacesSource? = nil
    ) {
        let forms = FormTokens(codec: codec, random: random, used: usedTokens, lifetimeSeconds: settings.formTokenSeconds)
        pages = PortalPages(settings: settings, gateway: gateway, forms: forms, templates: templates, digest: digest, help: help,
                            clock: clock, logger: logger, places: places)
        router = pages.router().buildResponder()
    }

    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        let host = request.host
        guard host == pages.settings.host else {
            // A remembered device is let through on the slow path (store, then firewall).
            if pages.mayBeRemembered(request) { return nil }
            return pages.redirectToPortal(request, host: host)
        }
        return router.immediateResponse(to: request)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let answer = immediateResponse(to: request) { return answer }
        if request.host != pages.settings.host { return await pages.reconnectRemembered(request, host: request.host) }
        return await router.respond(to: request)
    }
}
