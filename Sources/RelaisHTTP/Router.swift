/// Builds the routes and middleware of one listener, then freezes them into a ``RouterResponder``.
///
///     var router = Router<PortalContext>()
///     router.add(middleware: SecurityHeadersMiddleware())
///     router.get("/", .immediate { request, context in … })
///     router.post("/connexion", .async { request, context in … })
///     let responder = router.buildResponder()
public struct Router<Context: RequestContext> {
    private(set) var middlewares: [any RouterMiddleware<Context>] = []
    private(set) var literalRoutes: [String: RouteMethods<Context>] = [:]
    private(set) var patternRoutes: [(pattern: RoutePattern, methods: RouteMethods<Context>)] = []

    public init() {}

    /// Adds a middleware; the first added is the outermost (sees the request first, the response last).
    public mutating func add(middleware: any RouterMiddleware<Context>) {
        middlewares.append(middleware)
    }

    /// Routes `method` (upper case) on `path` to `handler`; a later route for the same pair replaces it.
    public mutating func on(_ method: String, _ path: String, _ handler: RouteHandler<Context>) {
        let pattern = RoutePattern(path)
        if pattern.isLiteral {
            literalRoutes[pattern.literalPath, default: RouteMethods()].handlers[method] = handler
        } else if let index = patternRoutes.firstIndex(where: { $0.pattern == pattern }) {
            patternRoutes[index].methods.handlers[method] = handler
        } else {
            var methods = RouteMethods<Context>()
            methods.handlers[method] = handler
            patternRoutes.append((pattern, methods))
        }
    }

    /// A GET route; it also answers HEAD, without the body.
    public mutating func get(_ path: String, _ handler: RouteHandler<Context>) { on("GET", path, handler) }
    public mutating func post(_ path: String, _ handler: RouteHandler<Context>) { on("POST", path, handler) }

    /// The immutable responder serving these routes.
    public func buildResponder() -> RouterResponder<Context> {
        RouterResponder(middlewares: middlewares, literalRoutes: literalRoutes, patternRoutes: patternRoutes)
    }
}

/// The handlers of one path, by method.
struct RouteMethods<Context: RequestContext>: Sendable {
    var handlers: [String: RouteHandler<Context>] = [:]

    /// The handler for `method`; HEAD falls back to GET.
    func handler(for method: String) -> RouteHandler<Context>? {
        if let handler = handlers[method] { return handler }
        return method == "HEAD" ? handlers["GET"] : nil
    }

    /// The `Allow` field: the methods served, HEAD included wherever GET is, in a fixed order.
    var allow: String {
        var methods = Set(handlers.keys)
        if methods.contains("GET") { methods.insert("HEAD") }
        let known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        let ordered = known.filter(methods.contains) + methods.subtracting(known).sorted()
        return ordered.joined(separator: ", ")
    }
}
