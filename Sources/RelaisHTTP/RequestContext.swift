import RelaisCore

/// What a handler knows about a request beyond the request itself. Each audience declares its own
/// context type (the portal adds the language, the staff pages the signed-in agent) without touching
/// this module: the router and the middleware are generic over it.
public protocol RequestContext: Sendable {
    /// What every context holds, filled by the router.
    var core: CoreRequestContext { get set }
    /// A fresh context for a request that just arrived; middleware fill in the rest.
    init(core: CoreRequestContext)
}

extension RequestContext {
    /// The peer's IP address.
    public var clientAddress: IPAddress { core.clientAddress }
    /// True when the request came over TLS: cookies are then marked `Secure`.
    public var isSecure: Bool { core.isSecure }
    /// The values of the route's `:name` captures.
    public var parameters: RouteParameters { core.parameters }
}

/// The part of every context the router fills: peer, transport, route captures.
public struct CoreRequestContext: Sendable {
    public var clientAddress: IPAddress
    public var isSecure: Bool
    public var parameters: RouteParameters

    public init(request: HTTPRequest, parameters: RouteParameters = RouteParameters()) {
        clientAddress = request.clientAddress
        isSecure = request.isSecure
        self.parameters = parameters
    }
}

/// The smallest context: only the core.
public struct BasicRequestContext: RequestContext {
    public var core: CoreRequestContext

    public init(core: CoreRequestContext) {
        self.core = core
    }
}
