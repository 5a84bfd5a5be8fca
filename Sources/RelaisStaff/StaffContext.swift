import RelaisCore
import RelaisHTTP
import RelaisWeb

/// What the staff routes know about a request: the peer, the language, and the signed-in agent
/// (filled by ``StaffSessionMiddleware`` on the asynchronous routes).
public struct StaffContext: LanguageContext {
    public var core: CoreRequestContext
    public var language: PortalLanguage = .fallback
    public var explicitLanguage = false
    /// The agent whose session cookie came with the request; nil when signed out.
    public var agent: Agent?
    /// Hex of the session token's digest: the subject the session's forms are bound to.
    public var sessionKey: String?

    public init(core: CoreRequestContext) {
        self.core = core
    }
}
