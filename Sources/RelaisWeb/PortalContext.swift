import RelaisHTTP

/// What the portal's routes know about a request: the peer (in `core`) and the negotiated language.
public struct PortalContext: LanguageContext {
    public var core: CoreRequestContext
    public var language: PortalLanguage = .fallback
    public var explicitLanguage = false

    public init(core: CoreRequestContext) {
        self.core = core
    }
}
