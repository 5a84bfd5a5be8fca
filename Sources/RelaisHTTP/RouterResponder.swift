/// The routes and middleware of one listener, frozen: safe to share between the server's threads.
/// Immediate routes (and 404/405 answers) are served from `immediateResponse`, on the server thread;
/// async routes from `respond`.
public struct RouterResponder<Context: RequestContext>: HTTPResponder {
    let middlewares: [any RouterMiddleware<Context>]
    let literalRoutes: [String: RouteMethods<Context>]
    let patternRoutes: [(pattern: RoutePattern, methods: RouteMethods<Context>)]

    /// What the path and method resolve to.
    enum Resolution {
        case found(RouteHandler<Context>, RouteParameters)
        case refused(HTTPError)
    }

    func resolve(_ request: HTTPRequest) -> Resolution {
        if let methods = literalRoutes[request.path] {
            return resolution(methods, RouteParameters(), method: request.method)
        }
        guard !patternRoutes.isEmpty else { return .refused(HTTPError(.notFound)) }
        let parts = request.path.split(separator: "/")
        for route in patternRoutes {
            if let parameters = route.pattern.match(parts) {
                return resolution(route.methods, parameters, method: request.method)
            }
        }
        return .refused(HTTPError(.notFound))
    }

    private func resolution(_ methods: RouteMethods<Context>, _ parameters: RouteParameters, method: String) -> Resolution {
        guard let handler = methods.handler(for: method) else {
            return .refused(HTTPError(.methodNotAllowed, headers: [("Allow", methods.allow)]))
        }
        return .found(handler, parameters)
    }

    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        let endpoint: @Sendable (HTTPRequest, Context) throws -> HTTPResponse
        let parameters: RouteParameters
        switch resolve(request) {
        case .found(.async, _): return nil
        case .found(.immediate(let handler), let captured): (endpoint, parameters) = (handler, captured)
        case .refused(let error): (endpoint, parameters) = ({ _, _ in throw error }, RouteParameters())
        }
        let context = Context(core: CoreRequestContext(request: request, parameters: parameters))
        let response: HTTPResponse
        do {
            response = try run(0, request, context, endpoint)
        } catch {
            response = Self.unhandled(error)
        }
        return Self.finish(response, for: request)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard case .found(.async(let endpoint), let parameters) = resolve(request) else {
            return immediateResponse(to: request) ?? Self.unhandled(HTTPError(.internalError))
        }
        let context = Context(core: CoreRequestContext(request: request, parameters: parameters))
        let response: HTTPResponse
        do {
            response = try await run(0, request, context, endpoint)
        } catch {
            response = Self.unhandled(error)
        }
        return Self.finish(response, for: request)
    }

    /// Middleware `index` around the rest of the chain (closures are not escaping: nothing is allocated).
    private func run(
        _ index: Int, _ request: HTTPRequest, _ context: Context, _ endpoint: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard index < middlewares.count else { return try endpoint(request, context) }
        return try middlewares[index].handle(request, context: context) { request, context in
            try run(index + 1, request, context, endpoint)
        }
    }

    private func run(
        _ index: Int, _ request: HTTPRequest, _ context: Context,
        _ endpoint: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard index < middlewares.count else { return try await endpoint(request, context) }
        return try await middlewares[index].handle(request, context: context) { request, context in
            try await run(index + 1, request, context, endpoint)
        }
    }

    /// An error no middleware turned into a page: its status, plain text, never cached.
    static func unhandled(_ error: any Error) -> HTTPResponse {
        let httpError = error as? HTTPError ?? HTTPError(.internalError)
        var response = HTTPResponse.text(httpError.code.rawValue, status: httpError.status)
        response.headers.append(("Cache-Control", "no-store"))
        response.headers += httpError.headers
        return response
    }

    /// HEAD gets the headers of GET without the body.
    static func finish(_ response: HTTPResponse, for request: HTTPRequest) -> HTTPResponse {
        guard request.method == "HEAD" else { return response }
        var head = response
        head.body = []
        return head
    }
}
