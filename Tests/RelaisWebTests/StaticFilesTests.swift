import Foundation
import Testing

@Suite struct StaticFilesTests {
    @Test func stylesheetIsServedFromMemoryWithALongCache() async throws {
        let portal = try await PortalFixture()
        let css = await portal.get("/static/portal.css")
        #expect(css.status == 200)
        #expect(css.header("content-type") == "text/css; charset=utf-8")
        #expect(css.header("cache-control")?.contains("max-age=31536000") == true)
        #expect(css.text.contains(":focus-visible"))
        let page = await portal.get("/")
        #expect(page.text.contains(#"href="/static/portal.css?v="#), "links carry the version so the cache is safe")
    }

    @Test(arguments: [
        "/static/../templates/fr/splash.mustache", "/static/%2e%2e/templates/fr/splash.mustache", "/static/..%2fREADME",
        "/static/", "/static/missing.css", "/static/.hidden.css", "/static/PORTAL.CSS", "/static/sub/portal.css",
        "/etc/passwd", "/index.html",
    ])
    func anythingElseIsNotFound(_ path: String) async throws {
        let portal = try await PortalFixture()
        let answer = await portal.get(path)
        #expect(answer.status == 404)
        #expect(answer.text.contains("Page introuvable"))
        #expect(!answer.text.contains("{{"))
    }
}
