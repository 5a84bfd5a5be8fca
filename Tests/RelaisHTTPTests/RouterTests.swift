import RelaisHTTP
import Testing

@Suite struct RouterTests {
    func responder() -> RouterResponder<BasicRequestContext> {
        var router = Router<BasicRequestContext>()
        router.get("/", .immediate { _, _ in .text("home") })
        router.get("/static/:file", .immediate { _, context in .text("file " + (context.parameters["file"] ?? "?")) })
        router.get("/agents/:id/sessions/:day", .immediate { _, context in
            .text("\(context.parameters["id"] ?? "") \(context.parameters["day"] ?? "")")
        })
        router.post("/connexion", .async { _, context in .text("posted by \(context.clientAddress)") })
        router.get("/connexion", .immediate { _, _ in .redirect(to: "/") })
        return router.buildResponder()
    }

    @Test func literalAndCapturedRoutes() async {
        let responder = responder()
        #expect(await serve(responder, request("/")).text == "home")
        #expect(await serve(responder, request("/static/portal.css")).text == "file portal.css")
        #expect(await serve(responder, request("/agents/12/sessions/2026-11-30")).text == "12 2026-11-30")
        #expect(await serve(responder, request("/static")).status == 404)
        #expect(await serve(responder, request("/static/a/b")).status == 404)
    }

    @Test func immediateRoutesAnswerOnTheServerThreadAsyncOnesDoNot() async {
        let responder = responder()
        #expect(responder.immediateResponse(to: request("/")) != nil)
        #expect(responder.immediateResponse(to: request("/nowhere"))?.status == 404)
        #expect(responder.immediateResponse(to: request("PUT", "/"))?.status == 405)
        #expect(responder.immediateResponse(to: request("POST", "/connexion")) == nil)
        #expect(await responder.respond(to: request("POST", "/connexion")).text == "posted by 192.0.2.7")
        // The slow entry point also serves immediate routes (a server may call it directly).
        #expect(await responder.respond(to: request("/")).text == "home")
    }

    @Test func headIsGetWithoutBody() async {
        let head = await serve(responder(), request("HEAD", "/"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("content-type") == "text/plain; charset=utf-8")
    }

    @Test func wrongMethodIs405WithAllow() async {
        let responder = responder()
        let put = await serve(responder, request("PUT", "/"))
        #expect(put.status == 405)
        #expect(put.header("allow") == "GET, HEAD")
        let delete = await serve(responder, request("DELETE", "/connexion"))
        #expect(delete.header("Allow") == "GET, HEAD, POST")
        let postStatic = await serve(responder, request("POST", "/static/x.css"))
        #expect(postStatic.status == 405)
        #expect(postStatic.header("allow") == "GET, HEAD")
    }

    @Test func laterRouteReplacesEarlier() async {
        var router = Router<BasicRequestContext>()
        router.get("/a", .immediate { _, _ in .text("first") })
        router.get("/a/", .immediate { _, _ in .text("second") })
        #expect(await serve(router.buildResponder(), request("/a")).text == "second")
    }

    @Test func thrownErrorsWithoutErrorMiddlewareKeepTheirStatus() async {
        var router = Router<BasicRequestContext>()
        router.get("/busy", .immediate { _, _ in throw HTTPError(.serviceUnavailable, headers: [("Retry-After", "60")]) })
        router.get("/broken", .async { _, _ in throw CancellationError() })
        let responder = router.buildResponder()
        let busy = await serve(responder, request("/busy"))
        #expect(busy.status == 503)
        #expect(busy.header("retry-after") == "60")
        #expect(await serve(responder, request("/broken")).status == 500)
    }

    @Test func patternsPrintAsWritten() {
        #expect(RoutePattern("static/:file").description == "/static/:file")
        #expect(RoutePattern("/").description == "/")
    }
}
