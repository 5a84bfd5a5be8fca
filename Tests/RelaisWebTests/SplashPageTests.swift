import Foundation
import Testing

@Suite struct SplashPageTests {
    @Test func welcomePageIsFrenchAccessibleAndSmall() async throws {
        let portal = try await PortalFixture()
        let page = await portal.get("/?continue=http%3A%2F%2Fexample.org%2F")
        #expect(page.status == 200)
        let html = page.text
        #expect(html.contains(#"<html lang="fr">"#))
        #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1")
        #expect(html.contains("<main>"))
        #expect(html.contains("Se connecter"))
        #expect(html.contains(#"href="/confidentialite""#))
        #expect(html.contains("Données personnelles"))
        #expect(html.contains("4 heures"), "session limit in words")
        #expect(html.contains("30 minutes"), "idle limit in words")
        #expect(html.contains(#"<meta name="viewport""#))
        #expect(!html.contains("<script"))
        let form = try BrowserForm.find(in: html, action: "/connexion")
        #expect((form.value("token") ?? "").count > 40)
        #expect(form.value("continue") == "http://example.org/")
        #expect(html.components(separatedBy: "<form").count == 2, "one form")
        #expect(form.value("lang") == nil, "no language field unless the visitor chose one")

        let css = await portal.get("/static/portal.css")
        #expect(page.response.body.count + css.response.body.count < 50_000)

        #expect(page.header("content-security-policy")?.hasPrefix("default-src 'self'") == true)
        #expect(page.header("x-content-type-options") == "nosniff")
        #expect(page.header("referrer-policy") == "no-referrer")
        #expect(page.header("x-frame-options") == "DENY")
        #expect(page.header("cache-control") == "no-store")
    }

    @Test func eachVisitGetsAFreshToken() async throws {
        let portal = try await PortalFixture()
        let first = try BrowserForm.find(in: await portal.get("/").text, action: "/connexion").value("token")
        let second = try BrowserForm.find(in: await portal.get("/").text, action: "/connexion").value("token")
        #expect(first != second)
    }

    @Test func connectedDeviceGoesToItsStatus() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        let page = await portal.get("/")
        #expect(page.status == 302)
        #expect(page.location == "/statut")
    }

    @Test func englishOnRequest() async throws {
        let portal = try await PortalFixture()
        let page = await portal.get("/?lang=en&continue=http%3A%2F%2Fexample.org%2F")
        #expect(page.text.contains(#"<html lang="en">"#))
        #expect(page.text.contains(">Connect</button>"))
        #expect(page.text.contains("4 hours"))
        #expect(page.text.contains(#"href="/?lang=fr&amp;continue=http%3A%2F%2Fexample.org%2F""#), "switch back keeps the destination")
        #expect(page.text.contains(#"href="/confidentialite?lang=en""#))
        #expect(try BrowserForm.find(in: page.text, action: "/connexion").value("lang") == "en")

        let french = await portal.get("/")
        #expect(french.text.contains(#"href="/?lang=en""#), "every page links to English")

        let browser = await portal.get("/", headers: [("accept-language", "en-GB,en;q=0.9,fr;q=0.5")])
        #expect(browser.text.contains(#"<html lang="en">"#))
        let frenchFirst = await portal.get("/", headers: [("accept-language", "fr-FR,fr;q=0.9,en;q=0.8")])
        #expect(frenchFirst.text.contains(#"<html lang="fr">"#))
    }

    @Test func venueNameIsEscaped() async throws {
        let portal = try await PortalFixture(venueName: #"<script>alert("x")</script> & Co"#)
        let html = await portal.get("/").text
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"))
    }

    @Test func hostileContinueIsEscaped() async throws {
        let portal = try await PortalFixture()
        let html = await portal.get("/?continue=%22%3E%3Cscript%3Ex%3C%2Fscript%3E").text
        #expect(!html.contains("<script>"))
        #expect(try BrowserForm.find(in: html, action: "/connexion").value("continue") == #""><script>x</script>"#)
    }

    @Test func developmentBannerOnEveryPage() async throws {
        let dev = try await PortalFixture(developmentMode: true)
        for target in ["/", "/confidentialite", "/nowhere", "/?lang=en"] {
            #expect(await dev.get(target).text.contains("Mode développement\u{A0}: aucun filtrage n’est appliqué"), "\(target)")
        }
        let production = try await PortalFixture()
        #expect(!(await production.get("/").text.contains("Mode développement")))
    }

    @Test func privacyNoticeSaysWhatIsStored() async throws {
        let portal = try await PortalFixture()
        let page = await portal.get("/confidentialite")
        #expect(page.status == 200)
        for words in ["adresse de votre appareil (adresse «\u{A0}MAC\u{A0}»)", "adresse IP", "le début et la fin",
                      "jamais les sites que vous visitez", "Commune de Test", "CNIL"] {
            #expect(page.text.contains(words), "\(words)")
        }
        #expect(await portal.get("/confidentialite?lang=en").text.contains("its “MAC” address"))
    }
}
