import FoundationEssentials
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
import RelaisHTTP
import RelaisStore
import RelaisWeb

/// The `[staff]` listener's responder: agent sign-in and the agents' pages. Visitors' listener has
/// none of these routes, so an agent can sign in only here.
public struct StaffResponder: HTTPResponder {
    let router: RouterResponder<StaffContext>

    /// - Parameters:
    ///   - codec: checks form tokens (the process's HMAC key).
    ///   - usedTokens: spent tokens (shared with the portal or its own).
    ///   - hasher: scrypt with the production parameters; tests pass cheaper ones.
    public init(
        settings: StaffSettings, store: AppDatabase, helpDesk: HelpDesk, codec: FormTokenCodec, random: any RandomSource,
        usedTokens: UsedFormTokens = UsedFormTokens(), hasher: ScryptPasswordHasher? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) throws {
        let templates = try PageTemplateSet.load(
            from: settings.assetsDirectory, pages: StaffPages.templateNames, codeKeys: StaffPages.codeKeys)
        let authenticator = try StaffAuthenticator(
            store: store, hasher: hasher ?? ScryptPasswordHasher(random: random), random: random, settings: settings, logger: logger)
        let pages = StaffPages(
            settings: settings, store: store, helpDesk: helpDesk, authenticator: authenticator,
            forms: FormTokens(codec: codec, random: random, used: usedTokens, lifetimeSeconds: settings.formTokenSeconds),
            templates: templates, clock: clock, logger: logger)
        router = pages.router().buildResponder()
    }

    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        router.immediateResponse(to: request)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await router.respond(to: request)
    }
}
