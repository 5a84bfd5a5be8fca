import Foundation
import Testing

@Suite struct StatusPageTests {
    @Test func showsTimeLeftInWordsAndLogsOut() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        portal.clock.advance(by: 3600 + 15 * 60)
        let status = await portal.get("/statut")
        #expect(status.status == 200)
        #expect(status.text.contains("2 heures et 45 minutes"))
        #expect(status.text.contains("Se déconnecter"))

        let form = try BrowserForm.find(in: status.text, action: "/deconnexion")
        let done = await portal.submit(form)
        #expect(done.status == 200)
        #expect(done.text.contains("Vous êtes déconnecté·e"))
        #expect(portal.visitors.directory.count == 0)
        #expect(portal.visitors.firewall.contents.grants.isEmpty)
        #expect(try await portal.visitors.store.liveSessions(at: portal.clock.now).isEmpty)

        let after = await portal.get("/statut")
        #expect(after.status == 302)
        #expect(after.location == "/")
    }

    /// Setting the box's date (a wall-clock jump) does not change the time left the visitor is told:
    /// it is measured on the monotonic clock, as the session's limits are.
    @Test func timeLeftIgnoresAWallClockJump() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        portal.clock.advance(by: 15 * 60)
        portal.clock.jumpWall(by: 3 * 3600)
        let status = await portal.get("/statut")
        #expect(status.status == 200)
        #expect(status.text.contains("3 heures et 45 minutes"), "the wall jump of 3 hours is ignored")
        let api = await portal.get("/api/captive")
        #expect(api.text.contains(#""seconds-remaining":13500"#), "\(api.text)")
    }

    @Test func englishStatus() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        portal.clock.advance(by: 4 * 3600 - 30)
        let status = await portal.get("/statut?lang=en")
        #expect(status.text.contains("less than a minute"))
        #expect(try BrowserForm.find(in: status.text, action: "/deconnexion").value("lang") == "en")
    }

    @Test func logoutNeedsAValidToken() async throws {
        let portal = try await PortalFixture()
        _ = try await portal.connect()
        let form = try BrowserForm.find(in: await portal.get("/statut").text, action: "/deconnexion")
        let forged = await portal.submit(form.replacing("token", with: "00.1.00"))
        #expect(forged.status == 403)
        #expect(forged.text.contains("Se déconnecter"), "a fresh logout form")
        #expect(portal.visitors.directory.count == 1)
        let other = await portal.submit(form, from: "192.0.2.77")
        #expect(other.status == 403)
        #expect(portal.visitors.directory.count == 1)
        #expect(await portal.submit(form).status == 200)
        #expect(await portal.submit(form).status == 403, "a logout form is used once")
        let bad = await portal.send(portal.request("POST", "/deconnexion", body: "x=%", contentType: "application/x-www-form-urlencoded"))
        #expect(bad.status == 400)
    }

    @Test func formPathsReachedByGetGoBackToThePages() async throws {
        let portal = try await PortalFixture()
        #expect(await portal.get("/connexion").location == "/")
        #expect(await portal.get("/deconnexion?lang=en").location == "/statut?lang=en")
    }
}
