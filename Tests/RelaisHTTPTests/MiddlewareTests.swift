import Logging
import RelaisHTTP
import RelaisTesting
import Synchronization
import Testing

/// Records the order it runs in, and tags the response.
struct TraceMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let name: String
    let trace: Trace

    func handle(_ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse) throws -> HTTPResponse {
        trace.append("in \(name)")
        var response = try next(request, context)
        response.headers.append(("X-Trace", name))
        trace.append("out \(name)")
        return response
    }

    func handle(_ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) async throws -> HTTPResponse) async throws -> HTTPResponse {
        trace.append("in \(name) async")
        var response = try await next(request, context)
        response.headers.append(("X-Trace", name))
        trace.append("out \(name) async")
        return response
    }
}

/// A shared list of lines, for middleware that must be Sendable.
final class Trace: Sendable {
    let lock = Mutex<[String]>([])
    func append(_ line: String) { lock.withLock { $0.append(line) } }
    var lines: [String] { lock.withLock { $0 } }
}

@Suite struct MiddlewareTests {
    @Test func firstAddedIsOutermostOnBothPaths() async {
        let trace = Trace()
        var router = Router<BasicRequestContext>()
        router.add(middleware: TraceMiddleware(name: "a", trace: trace))
        router.add(middleware: TraceMiddleware(name: "b", trace: trace))
        router.get("/", .immediate { _, _ in .text("x") })
        router.post("/", .async { _, _ in .text("y") })
        let responder = router.buildResponder()
        let get = await serve(responder, request("/"))
        #expect(trace.lines == ["in a", "in b", "out b", "out a"])
        #expect(get.headers.filter { $0.name == "X-Trace" }.map(\.value) == ["b", "a"])
        _ = await serve(responder, request("POST", "/"))
        #expect(trace.lines.suffix(4) == ["in a async", "in b async", "out b async", "out a async"])
    }

    @Test func errorMiddlewareRendersPagesWithStatusAndHeaders() async {
        var router = Router<BasicRequestContext>()
        router.add(middleware: ErrorMiddleware { error, request, _ in .text("page \(error.code.rawValue) \(request.path)") })
        router.get("/gone", .immediate { _, _ in throw HTTPError(.notFound) })
        router.post("/form", .async { _, _ in throw HTTPError(.badRequest) })
        router.get("/crash", .immediate { _, _ in throw CancellationError() })
        let responder = router.buildResponder()
        let missing = await serve(responder, request("/nowhere"))
        #expect(missing.status == 404)
        #expect(missing.text == "page not-found /nowhere")
        #expect(await serve(responder, request("/gone")).text == "page not-found /gone")
        let bad = await serve(responder, request("POST", "/form"))
        #expect(bad.status == 400)
        #expect(bad.text == "page bad-request /form")
        let wrong = await serve(responder, request("PUT", "/form"))
        #expect(wrong.status == 405)
        #expect(wrong.header("allow") == "POST")
        #expect(await serve(responder, request("/crash")).status == 500)
    }

    @Test func securityHeadersAndCachePolicy() async {
        var router = Router<BasicRequestContext>()
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CachePolicyMiddleware())
        router.get("/", .immediate { _, _ in .text("page") })
        router.get("/static/:file", .immediate { _, _ in .text("css") })
        router.get("/api", .immediate { _, _ in HTTPResponse(status: 200, headers: [("Cache-Control", "private")]) })
        let responder = router.buildResponder()
        let page = await serve(responder, request("/"))
        let csp = page.header("content-security-policy") ?? ""
        #expect(csp.contains("script-src 'none'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(page.header("x-content-type-options") == "nosniff")
        #expect(page.header("referrer-policy") == "no-referrer")
        #expect(page.header("cache-control") == "no-store")
        #expect(await serve(responder, request("/static/a.css")).header("cache-control") == "public, max-age=31536000, immutable")
        #expect(await serve(responder, request("/api")).header("cache-control") == "private")
        // A missing static file is not cached either.
        #expect(await serve(responder, request("/static/a/b")).header("cache-control") == "no-store")
    }

    @Test func requestLogAtDebugOnly() async {
        let records = LogRecorder()
        var logger = records.logger()
        logger.logLevel = .info
        var router = Router<BasicRequestContext>()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.get("/", .immediate { _, _ in .text("x") })
        _ = await serve(router.buildResponder(), request("/"))
        #expect(records.all.isEmpty)
        logger.logLevel = .debug
        router = Router<BasicRequestContext>()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.get("/", .immediate { _, _ in .text("x") })
        _ = await serve(router.buildResponder(), request("/"))
        #expect(records.all.map(\.message) == ["http request"])
        #expect(records.all.first?.level == .debug)
    }
}
