import Foundation
import RelaisCore
import Testing

@Suite struct ConnectActionTests {
    @Test func visitorAcceptsAndIsLetThrough() async throws {
        let portal = try await PortalFixture()
        let redirect = await portal.send(portal.request("GET", "/news/today?x=1", host: "example.org"))
        let splash = await portal.get(try #require(redirect.location).replacingOccurrences(of: "http://192.0.2.1:2050", with: ""))
        let form = try BrowserForm.find(in: splash.text, action: "/connexion")
        let postRequest = portal.request("POST", form.action, body: form.encodedBody, contentType: "application/x-www-form-urlencoded")
        #expect(portal.responder.immediateResponse(to: postRequest) == nil, "the post goes to the slow path")

        let confirmation = await portal.submit(form)
        #expect(confirmation.status == 200)
        #expect(confirmation.text.contains("Vous êtes connecté·e"))
        #expect(confirmation.text.contains("4 heures"))
        #expect(confirmation.text.contains(#"href="http://example.org/news/today?x=1""#))
        #expect(confirmation.text.contains(#"href="/statut""#))
        let session = try #require(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP))
        #expect(session.mac == PortalFixture.visitorMAC)
        // The session records the version of the privacy notice the visitor was shown.
        #expect(session.termsVersion?.count == 64)
        #expect((await portal.get("/confidentialite")).text.contains("<code>\(session.termsVersion ?? "-")</code>"))
        #expect(portal.visitors.firewall.contents.grants[PortalFixture.visitorMAC] != nil)
    }

    @Test(arguments: ["", "javascript:alert(1)", "http://connectivitycheck.gstatic.com/generate_204", "http://192.0.2.1:2050/statut"])
    func noContinueLinkUnlessAPlainPage(_ target: String) async throws {
        let portal = try await PortalFixture()
        let splash = await portal.get("/?continue=" + target.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        let confirmation = await portal.submit(try BrowserForm.find(in: splash.text, action: "/connexion"))
        #expect(confirmation.status == 200)
        #expect(!confirmation.text.contains("Continuer vers"))
    }

    @Test func reusedTokenIsRefusedWithAFreshForm() async throws {
        let portal = try await PortalFixture()
        let form = try BrowserForm.find(in: await portal.get("/").text, action: "/connexion")
        #expect(await portal.submit(form).status == 200)
        let again = await portal.submit(form)
        #expect(again.status == 403)
        #expect(again.text.contains("plus valable"))
        let fresh = try BrowserForm.find(in: again.text, action: "/connexion")
        #expect(fresh.value("token") != form.value("token"))
    }

    @Test func tokenOfAnotherDeviceIsRefused() async throws {
        let portal = try await PortalFixture()
        portal.visitors.neighbours.set("192.0.2.51", MACAddress("02:00:5e:10:00:51")!)
        let form = try BrowserForm.find(in: await portal.get("/", from: "192.0.2.51").text, action: "/connexion")
        let stolen = await portal.submit(form, from: PortalFixture.visitorIP)
        #expect(stolen.status == 403)
        #expect(portal.visitors.directory.count == 0)
    }

    @Test func expiredTokenIsRefused() async throws {
        let portal = try await PortalFixture()
        let form = try BrowserForm.find(in: await portal.get("/").text, action: "/connexion")
        portal.clock.advance(by: 901)
        let late = await portal.submit(form)
        #expect(late.status == 403)
        #expect(portal.visitors.directory.count == 0)
        #expect(await portal.submit(try BrowserForm.find(in: late.text, action: "/connexion")).status == 200)
    }

    @Test func forgedOrGarbledTokenIsRefused() async throws {
        let portal = try await PortalFixture()
        let form = try BrowserForm.find(in: await portal.get("/").text, action: "/connexion")
        #expect(await portal.submit(form.replacing("token", with: "nonsense")).status == 403)
        let token = try #require(form.value("token"))
        let flipped = String(token.dropLast()) + (token.hasSuffix("0") ? "1" : "0")
        #expect(await portal.submit(form.replacing("token", with: flipped)).status == 403)
        #expect(portal.visitors.directory.count == 0)
    }

    @Test func malformedFormsAreBadRequests() async throws {
        let portal = try await PortalFixture()
        let token = try #require(try BrowserForm.find(in: await portal.get("/").text, action: "/connexion").value("token"))
        let urlencoded = "application/x-www-form-urlencoded"
        let cases: [(body: String, type: String?)] = [
            ("token=\(token)&continue=%zz", urlencoded),
            ("continue=http%3A%2F%2Fexample.org", urlencoded),
            ("token=\(token)", "application/json"),
            ("token=\(token)", nil),
            ("token=\(token)&pad=" + String(repeating: "a", count: 20_000), urlencoded),
        ]
        for (body, type) in cases {
            let answer = await portal.send(portal.request("POST", "/connexion", body: body, contentType: type))
            #expect(answer.status == 400, "\(body.prefix(40)) as \(type ?? "no type")")
            #expect(answer.text.contains("incomplet"))
        }
        #expect(portal.visitors.directory.count == 0)
        // The token was never spent: it still works.
        let ok = await portal.send(portal.request("POST", "/connexion", body: "token=\(token)", contentType: urlencoded + "; charset=UTF-8"))
        #expect(ok.status == 200)
    }

    @Test func unknownDeviceGetsClearAdviceAndARetry() async throws {
        let portal = try await PortalFixture()
        let page = try await portal.connect(from: "192.0.2.99")
        #expect(page.status == 403)
        #expect(page.text.contains("Nous n’avons pas reconnu votre appareil"))
        #expect(page.text.contains("l’accueil"))
        #expect(try BrowserForm.find(in: page.text, action: "/connexion").value("token") != nil)
    }

    @Test func blockedDeviceIsToldToAskTheDesk() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.visitors.gateway.setBlocked([PortalFixture.visitorMAC], blocked: true)
        let page = try await portal.connect()
        #expect(page.status == 403)
        #expect(page.text.contains("Cet appareil ne peut pas se connecter"))
        #expect(!page.text.contains("<form"))
    }

    @Test func technicalFailureSaysItIsNotTheVisitorsFault() async throws {
        let portal = try await PortalFixture()
        portal.visitors.firewall.failGrants.withLock { $0 = true }
        let page = try await portal.connect()
        #expect(page.status == 503)
        #expect(page.text.contains("problème technique"))
        #expect(portal.visitors.directory.count == 0)
    }

    @Test func fullBoxTellsTheVisitorToComeBackInAFewMinutes() async throws {
        let portal = try await PortalFixture()
        // The fixture's firewall layout allows 100 devices: an operator fills them all.
        let others = (1...100).map { MACAddress(rawValue: 0x0200_5e20_0000 + UInt64($0)) }
        _ = try await portal.visitors.gateway.authorize(others)
        let page = try await portal.connect()
        #expect(page.status == 503)
        #expect(page.text.contains("Trop d’appareils sont connectés"))
        #expect(page.text.contains("Réessayer"), "a fresh form to try again")
        #expect(!page.text.contains("problème technique"))
        #expect(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP) == nil)
    }

    @Test func englishChoiceIsKeptThroughThePost() async throws {
        let portal = try await PortalFixture()
        let form = try BrowserForm.find(in: await portal.get("/?lang=en").text, action: "/connexion")
        let page = await portal.submit(form)
        #expect(page.text.contains(#"<html lang="en">"#))
        #expect(page.text.contains("You are connected"))
        #expect(page.text.contains(#"href="/statut?lang=en""#))
    }
}
