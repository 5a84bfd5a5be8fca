import FoundationEssentials
import RelaisCore
import RelaisHTTP
import RelaisStore

/// Fills ``StaffContext/agent`` from the session cookie, on the asynchronous routes (the look-up reads
/// the database). Routes answered at once (static files) run without it: they need no agent.
struct StaffSessionMiddleware: RouterMiddleware {
    let store: AppDatabase
    let clock: @Sendable () -> Date

    func handle(
        _ request: HTTPRequest, context: StaffContext, next: (HTTPRequest, StaffContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        try next(request, context)
    }

    func handle(
        _ request: HTTPRequest, context: StaffContext, next: (HTTPRequest, StaffContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var context = context
        if let digest = StaffSessionCookie.tokenDigest(in: request),
           let agent = try await store.staffSessionAgent(tokenHash: digest, at: clock()) {
            context.agent = agent
            context.sessionKey = Hex.encode(digest)
        }
        return try await next(request, context)
    }
}
