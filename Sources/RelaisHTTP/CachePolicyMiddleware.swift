/// Sets `Cache-Control` where the route did not: long and immutable under the static prefix (links
/// carry a content hash), `no-store` everywhere else, so that pages and probe answers are always
/// asked again.
public struct CachePolicyMiddleware<Context: RequestContext>: TransformingMiddleware {
    let staticPrefix: String
    let staticPolicy: String

    public init(staticPrefix: String = "/static/", staticMaxAgeSeconds: Int = 31_536_000) {
        self.staticPrefix = staticPrefix
        staticPolicy = "public, max-age=\(staticMaxAgeSeconds), immutable"
    }

    public func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse) {
        guard response.header("cache-control") == nil else { return }
        let cacheable = response.status == 200 && request.path.hasPrefix(staticPrefix)
        response.headers.append(("Cache-Control", cacheable ? staticPolicy : "no-store"))
    }
}
