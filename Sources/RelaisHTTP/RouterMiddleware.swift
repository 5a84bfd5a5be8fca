/// Code that runs around every route of a router: it may change the request or the context before
/// `next`, answer instead of it, or change its response.
///
/// Routes answered on the server thread run the chain synchronously, slow routes asynchronously, so
/// a middleware gives both forms; a middleware that only prepares and finishes conforms to
/// ``TransformingMiddleware`` and gets both for free.
public protocol RouterMiddleware<Context>: Sendable {
    associatedtype Context: RequestContext

    /// Around a route answered at once, on the server thread: must not block.
    func handle(_ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse) throws -> HTTPResponse

    /// Around a slow route, off the server thread.
    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// A middleware in two steps around the route: `prepare` (fill the context, or refuse by throwing)
/// and `finish` (add to the response). Both run synchronously, for either kind of route.
public protocol TransformingMiddleware<Context>: RouterMiddleware {
    func prepare(_ request: HTTPRequest, context: inout Context) throws
    func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse)
}

extension TransformingMiddleware {
    public func prepare(_ request: HTTPRequest, context: inout Context) throws {}
    public func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse) {}

    public func handle(_ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse) throws -> HTTPResponse {
        var context = context
        try prepare(request, context: &context)
        var response = try next(request, context)
        finish(request, context: context, response: &response)
        return response
    }

    public func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var context = context
        try prepare(request, context: &context)
        var response = try await next(request, context)
        finish(request, context: context, response: &response)
        return response
    }
}
