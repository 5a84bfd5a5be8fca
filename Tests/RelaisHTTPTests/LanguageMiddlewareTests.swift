import RelaisHTTP
import Testing

@Suite struct LanguageMiddlewareTests {
    func responder() -> RouterResponder<TestContext> {
        var router = Router<TestContext>()
        router.add(middleware: LanguageMiddleware())
        router.get("/", .immediate { _, context in .text("\(context.language.rawValue) \(context.explicitLanguage)") })
        return router.buildResponder()
    }

    @Test func queryThenCookieThenAcceptLanguageThenFrench() async {
        let responder = responder()
        #expect(await serve(responder, request("/")).text == "fr false")
        #expect(await serve(responder, request("/", headers: [(name: "accept-language", value: "de-DE, en;q=0.7, fr;q=0.3")])).text == "en false")
        #expect(await serve(responder, request("/", headers: [(name: "accept-language", value: "en;q=0, fr")])).text == "fr false")
        #expect(await serve(responder, request("/", headers: [(name: "accept-language", value: "es, it")])).text == "fr false")
        #expect(await serve(responder, request("/", headers: [(name: "cookie", value: "lang=en")])).text == "en true")
        #expect(await serve(responder, request("/", headers: [(name: "cookie", value: "lang=xx"), (name: "accept-language", value: "en")])).text == "en false")
        #expect(await serve(responder, request("/", query: "a=1&lang=EN", headers: [(name: "cookie", value: "lang=fr")])).text == "en true")
        #expect(await serve(responder, request("/", query: "lang=de")).text == "fr false")
    }

    @Test func aChoiceIsRememberedOnceSecureOnTLS() async {
        let responder = responder()
        let chosen = await serve(responder, request("/", query: "lang=en"))
        #expect(chosen.header("set-cookie") == "lang=en; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict")
        let overTLS = await serve(responder, request("/", query: "lang=en", secure: true))
        #expect(overTLS.header("set-cookie")?.contains("; Secure") == true)
        let already = await serve(responder, request("/", query: "lang=en", headers: [(name: "cookie", value: "lang=en")]))
        #expect(already.header("set-cookie") == nil)
        #expect(await serve(responder, request("/")).header("set-cookie") == nil)
    }

    @Test func acceptLanguageEdgeCases() {
        let preferred = LanguageMiddleware<TestContext>().preferred(by:)
        #expect(preferred(nil) == nil)
        #expect(preferred("") == nil)
        #expect(preferred("EN-gb;Q=0.5, fr;q=0.4") == .en)
        #expect(preferred("fr;q=0.5, en;q=0.500") == .fr, "ties go to the first listed")
        #expect(preferred("en;q=0.001, fr;q=0") == .en)
        #expect(preferred("en;q=abc, fr;q=0.9") == .en, "a malformed weight counts as 1")
        #expect(preferred("eng, french, *;q=0.1") == nil)
        #expect(preferred("  en-US ; q=0.8 ,fr-FR;q=0.9") == .fr)
        #expect(preferred("de;q=1, en-GB;level=1;q=0.2") == .en)
        #expect(preferred(",,;,en") == .en)
    }
}
