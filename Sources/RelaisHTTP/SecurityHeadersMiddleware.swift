/// Adds the security header fields to every answer: a Content-Security-Policy without inline script
/// and without framing, no MIME sniffing, no referrer.
public struct SecurityHeadersMiddleware<Context: RequestContext>: TransformingMiddleware {
    /// Only our own stylesheet, images and forms; no script at all, no framing, no `<base>`.
    public static var defaultContentSecurityPolicy: String {
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    let headers: [(name: String, value: String)]

    public init(contentSecurityPolicy: String = Self.defaultContentSecurityPolicy) {
        headers = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
        ]
    }

    public func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse) {
        response.headers += headers
    }
}
