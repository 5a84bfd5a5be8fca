import Foundation
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
