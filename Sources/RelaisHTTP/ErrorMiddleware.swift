/// Turns what routes and inner middleware throw into pages: an ``HTTPError`` keeps its status, code
/// and headers; any other error becomes a 500. Add it first, so that it sees every error.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Renders the page of an error (without its extra headers, which are added here).
    public typealias Page = @Sendable (HTTPError, HTTPRequest, Context) -> HTTPResponse

    let page: Page

    public init(page: @escaping Page) {
        self.page = page
    }

    public func handle(_ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse) throws -> HTTPResponse {
        do {
            return try next(request, context)
        } catch {
            return render(error, request, context)
        }
    }

    public func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        do {
            return try await next(request, context)
        } catch {
            return render(error, request, context)
        }
    }

    private func render(_ error: any Error, _ request: HTTPRequest, _ context: Context) -> HTTPResponse {
        let httpError = error as? HTTPError ?? HTTPError(.internalError)
        var response = page(httpError, request, context)
        response.status = httpError.status
        response.headers += httpError.headers
        return response
    }
}
