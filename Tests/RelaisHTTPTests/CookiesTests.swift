import RelaisHTTP
import Testing

@Suite struct CookiesTests {
    @Test func readsTolerantly() {
        let cookies = Cookies(request: request("/", headers: [
            (name: "cookie", value: "lang=en; session=\"abc\" ;broken; =nameless; lang=fr"),
            (name: "cookie", value: "other=1"),
        ]))
        #expect(cookies["lang"] == "en")
        #expect(cookies["session"] == "abc")
        #expect(cookies["other"] == "1")
        #expect(cookies["broken"] == nil)
        #expect(cookies[""] == nil)
        #expect(Cookies(request: request("/"))["lang"] == nil)
    }

    @Test func setCookieIsSafeByDefault() {
        let plain = SetCookie(name: "lang", value: "en", maxAge: 3600, secure: false)
        #expect(plain.headerValue == "lang=en; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict")
        let secure = SetCookie(name: "sid", value: "x1", secure: true)
        #expect(secure.headerValue == "sid=x1; Path=/; Secure; HttpOnly; SameSite=Strict")
        #expect(SetCookie.deletion(of: "sid", secure: true).headerValue == "sid=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict")
    }

    @Test func invalidCookiesAreNeverSent() {
        var response = HTTPResponse(status: 200)
        response.setCookie(SetCookie(name: "a", value: "x; Domain=evil.example", secure: false))
        response.setCookie(SetCookie(name: "b c", value: "x", secure: false))
        response.setCookie(SetCookie(name: "ok", value: "1", secure: false))
        #expect(response.headers.filter { $0.name == "Set-Cookie" }.map(\.value) == ["ok=1; Path=/; HttpOnly; SameSite=Strict"])
    }
}
