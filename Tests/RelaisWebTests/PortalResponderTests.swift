import Foundation
import RelaisCore
import RelaisWeb
import Testing

@Suite struct PortalResponderTests {
    @Test func unknownPathsAndMethods() async throws {
        let portal = try await PortalFixture()
        let missing = await portal.get("/nulle-part")
        #expect(missing.status == 404)
        #expect(missing.text.contains(#"<html lang="fr">"#))
        #expect(missing.header("x-frame-options") == "DENY")

        let put = await portal.send(portal.request("PUT", "/"))
        #expect(put.status == 405)
        // Allow lists the methods of this resource (RFC 9110, 10.2.1), not of the whole portal.
        #expect(put.header("allow") == "GET, HEAD")
        let delete = await portal.send(portal.request("DELETE", "/connexion"))
        #expect(delete.status == 405)
        #expect(delete.header("allow") == "GET, HEAD, POST")
        let post = await portal.send(portal.request("POST", "/statut", body: "a=b", contentType: "application/x-www-form-urlencoded"))
        #expect(post.status == 405)
        #expect(post.header("allow") == "GET, HEAD")
    }

    @Test func headHasHeadersWithoutBody() async throws {
        let portal = try await PortalFixture()
        let head = await portal.send(portal.request("HEAD", "/"))
        #expect(head.status == 200)
        #expect(head.response.body.isEmpty)
        #expect(head.header("content-type") == "text/html; charset=utf-8")
    }

    @Test func pagesAnswerOnTheServerThread() async throws {
        let portal = try await PortalFixture()
        for target in ["/", "/statut", "/confidentialite", "/api/captive", "/static/portal.css", "/x"] {
            #expect(portal.responder.immediateResponse(to: portal.request("GET", target)) != nil, "\(target)")
        }
        let viaAsync = await portal.responder.respond(to: portal.request("GET", "/confidentialite"))
        #expect(viaAsync.status == 200)
    }

    @Test func everyPageHasTheFooterAndOneHeading() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect(from: "192.0.2.99")
        var pages = [await portal.get("/"), await portal.get("/confidentialite"), await portal.get("/x"),
                     try await portal.connect(from: "192.0.2.99")]
        pages.append(try await portal.connect())
        pages.append(await portal.get("/statut"))
        for page in pages {
            #expect(page.text.contains("Adressez-vous à l’accueil"), "footer")
            #expect(page.text.components(separatedBy: "<h1").count == 2, "one h1")
            #expect(page.text.contains("<main>"))
        }
    }
}

@Suite struct PortalMiddlewareTests {
    @Test func everyKindOfAnswerHasTheSecurityAndCacheHeaders() async throws {
        let portal = try await PortalFixture()
        for target in ["/", "/confidentialite", "/nowhere", "/connexion", "/static/missing.css"] {
            let answer = await portal.get(target)
            let csp = answer.header("content-security-policy") ?? ""
            #expect(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"), "\(target)")
            #expect(answer.header("x-content-type-options") == "nosniff", "\(target)")
            #expect(answer.header("referrer-policy") == "no-referrer", "\(target)")
            #expect(answer.header("cache-control") == "no-store", "\(target)")
        }
        #expect(await portal.get("/static/portal.css").header("cache-control") == "public, max-age=31536000, immutable")
        #expect(await portal.get("/api/captive").header("cache-control") == "private")
        // The probe redirect stays the bare, cheapest answer, never cached.
        let probe = await portal.send(portal.request("GET", "/generate_204", host: "connectivitycheck.gstatic.com"))
        #expect(probe.status == 302)
        #expect(probe.header("cache-control") == "no-store")
    }

    @Test func aPostIsAnsweredInItsLanguageAfterAnError() async throws {
        let portal = try await PortalFixture()
        let bad = await portal.send(portal.request("POST", "/connexion?lang=en", body: "x=%", contentType: "application/x-www-form-urlencoded"))
        #expect(bad.status == 400)
        #expect(bad.text.contains("Incomplete request"))
    }
}

/// Issue 8, « Tokens »: a full registry of spent tokens refuses new forms with a clear page, and never
/// takes back a spent token.
@Suite struct FormTokenOverflowTests {
    @Test func fullRegistryGivesA503PageAndSpentTokensStaySpent() async throws {
        let portal = try await PortalFixture(usedTokens: UsedFormTokens(capacity: 3, perClientLimit: 3))
        let visitors: [IPAddress] = ["192.0.2.61", "192.0.2.62", "192.0.2.63"]
        var spent: [(form: BrowserForm, ip: IPAddress)] = []
        for ip in visitors {
            let form = try BrowserForm.find(in: await portal.get("/", from: ip).text, action: "/connexion")
            #expect(await portal.submit(form, from: ip).status != 503)
            spent.append((form, ip))
        }
        let busy = await portal.get("/", from: "192.0.2.64")
        #expect(busy.status == 503)
        #expect(busy.header("retry-after") == "120")
        #expect(busy.text.contains("Attendez quelques minutes"))
        #expect(busy.text.components(separatedBy: "<h1").count == 2)
        for (form, ip) in spent {
            let again = await portal.submit(form, from: ip)
            #expect(again.status == 403 || again.status == 503, "a spent token is never accepted again")
            #expect(!again.text.contains("Vous êtes connecté·e"))
        }
        // Once the tokens expired, forms are issued again.
        portal.clock.advance(by: 901)
        #expect(await portal.get("/", from: "192.0.2.64").status == 200)
    }

    @Test func oneDeviceIsHeldBackAlone() async throws {
        let portal = try await PortalFixture(usedTokens: UsedFormTokens(capacity: 100, perClientLimit: 4))
        for _ in 0..<2 {
            let form = try BrowserForm.find(in: await portal.get("/").text, action: "/connexion")
            _ = await portal.submit(form)
            _ = await portal.submit(try BrowserForm.find(in: await portal.get("/statut").text, action: "/deconnexion"))
        }
        let held = await portal.get("/")
        #expect(held.status == 429)
        #expect(held.text.contains("trop de pages"))
        #expect(await portal.get("/", from: "192.0.2.99").status == 200)
    }

    @Test func aDisconnectFormCannotConnect() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        var logout = try BrowserForm.find(in: await portal.get("/statut").text, action: "/deconnexion")
        logout.action = "/connexion"
        let replayed = await portal.submit(logout)
        #expect(replayed.status == 403, "a token is bound to its form's purpose")
        #expect(portal.visitors.directory.count == 1)
    }
}
