import Foundation
import RelaisHTTP
import Testing
@testable import RelaisWeb

/// Language negotiation as the portal does it: `?lang=`, then the cookie, then Accept-Language, then French.
@Suite struct PortalLanguageTests {
    @Test func negotiatedThroughThePortal() async throws {
        let portal = try await PortalFixture()
        func language(_ target: String, _ headers: [(name: String, value: String)] = []) async -> String? {
            let html = await portal.get(target, headers: headers).text
            return html.range(of: #"<html lang=""#).map { String(html[$0.upperBound...].prefix(2)) }
        }
        #expect(await language("/") == "fr")
        #expect(await language("/", [("accept-language", "de-DE, en;q=0.7, fr;q=0.3")]) == "en")
        #expect(await language("/", [("accept-language", "en;q=0, fr")]) == "fr")
        #expect(await language("/", [("accept-language", "es, it")]) == "fr")
        #expect(await language("/", [("accept-language", "fr-CA, en")]) == "fr")
        #expect(await language("/?lang=en", [("accept-language", "fr")]) == "en")
        #expect(await language("/?lang=de") == "fr")
        #expect(await language("/confidentialite", [("cookie", "lang=en")]) == "en")
        #expect(await language("/nowhere", [("cookie", "lang=en")]) == "en", "error pages too")
    }

    @Test func theChoiceIsRememberedInACookie() async throws {
        let portal = try await PortalFixture()
        let chosen = await portal.get("/?lang=en")
        #expect(chosen.header("set-cookie") == "lang=en; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict")
        let next = await portal.get("/confidentialite", headers: [("cookie", "lang=en")])
        #expect(next.text.contains(#"href="/?lang=en""#), "links keep the remembered choice")
        #expect(next.header("set-cookie") == nil)
    }

    @Test func aFormsLanguageFieldWins() async throws {
        let portal = try await PortalFixture()
        let splash = await portal.get("/?lang=en")
        let form = try BrowserForm.find(in: splash.text, action: "/connexion")
        #expect(form.value("lang") == "en")
        let connected = await portal.submit(form)
        #expect(connected.text.contains(#"<html lang="en">"#))
    }
}
