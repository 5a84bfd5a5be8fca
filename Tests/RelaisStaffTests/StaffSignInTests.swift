import Foundation
import RelaisCore
import RelaisHTTP
import RelaisCrypto
import RelaisTesting
import Testing
@testable import RelaisStore
@testable import RelaisStaff

@Suite struct StaffSignInTests {
    @Test func pagesNeedASignIn() async throws {
        let fixture = try StaffFixture()
        for path in ["/agent", "/agent/planning", "/agent/ateliers"] {
            let answer = await fixture.get(path)
            #expect(answer.status == 303)
            #expect(answer.location == "/agent/connexion")
        }
        let page = await fixture.get("/agent/connexion")
        #expect(page.status == 200)
        #expect(page.text.contains("<html lang=\"fr\""))
        #expect(page.text.contains("Connexion des agents"))
        #expect(page.hiddenToken() != nil)
        #expect(page.response.header("content-security-policy") != nil)
        #expect(page.response.header("cache-control") == "no-store")
    }

    @Test func rightPasswordOpensASessionWithASafeCookie() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let answer = await fixture.signIn("marie")
        #expect(answer.status == 303)
        #expect(answer.location == "/agent")
        let cookie = try #require(answer.setCookies.first { $0.hasPrefix("relais_agent=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        #expect(!cookie.contains("Max-Age"))
        let home = await fixture.get("/agent", cookie: answer.sessionCookie)
        #expect(home.status == 200)
        #expect(home.text.contains("Marie Dupont"))
        // Only the token's digest is stored.
        let token = try #require(answer.sessionCookie?.split(separator: "=").last.map(String.init))
        let stored = try fixture.store.withConnection { db in try db.fetchAll("SELECT lower(hex(token_hash)) FROM staff_session") { $0.string(at: 0) } }
        #expect(stored == [Hex.encode(try SHA256Digest.hash(Hex.decode(token) ?? []))])
        #expect(!stored.contains(token))
    }

    @Test func cookieIsSecureOverTLS() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let answer = await fixture.signIn("marie", secure: true)
        #expect(answer.setCookies.first { $0.hasPrefix("relais_agent=") }?.contains("Secure") == true)
    }

    @Test func wrongPasswordUnknownLoginAndDisabledAccountAreRefusedAlike() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        try await fixture.addAgent("paul", name: "Paul Martin")
        _ = try await fixture.store.setAgentDisabled(login: "paul", true, at: fixture.clock.now)
        for (login, password) in [("marie", "wrong"), ("nobody", StaffFixture.password), ("paul", StaffFixture.password), ("marie", "")] {
            let answer = await fixture.signIn(login, password: password)
            #expect(answer.status == 401)
            #expect(answer.sessionCookie == nil)
            #expect(answer.text.contains("Identifiant ou mot de passe incorrect."))
        }
    }

    @Test func accountLocksAfterRepeatedFailuresAndShowsTheUnlockTime() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        #expect(await fixture.signIn("marie", password: "a").status == 401)
        #expect(await fixture.signIn("marie", password: "b", from: "192.0.2.11").status == 401)
        let third = await fixture.signIn("marie", password: "c", from: "192.0.2.12")
        #expect(third.status == 429)
        // 10:00 in Paris plus the 600 s lockout: the unlock time is local.
        #expect(third.text.contains("Réessayez après 10:10."))
        #expect(third.response.header("retry-after") == "600")
        // Even the right password, from anywhere, waits.
        let locked = await fixture.signIn("marie", from: "192.0.2.13")
        #expect(locked.status == 429 && locked.sessionCookie == nil)
        fixture.clock.advance(601)
        let after = await fixture.signIn("marie", from: "192.0.2.13")
        #expect(after.status == 303 && after.sessionCookie != nil)
    }

    @Test func addressLocksAfterFailuresOnManyAccounts() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        for login in ["a1", "a2", "a3", "a4"] {
            #expect(await fixture.signIn(login, password: "x").status == 401)
        }
        let fifth = await fixture.signIn("a5", password: "x")
        #expect(fifth.status == 429)
        #expect(await fixture.signIn("marie").status == 429)
        // Another machine signs in as marie at once: her account had no failure.
        #expect(await fixture.signIn("marie", from: "192.0.2.99").status == 303)
        let english = await fixture.get("/agent/connexion?lang=en")
        #expect(english.text.contains("Staff sign-in"))
    }

    @Test func signInNeedsItsFormToken() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let missing = await fixture.send("POST", "/agent/connexion", form: [("login", "marie"), ("password", StaffFixture.password)])
        #expect(missing.status == 403 && missing.sessionCookie == nil)
        let wrong = await fixture.send("POST", "/agent/connexion", form: [("token", "AAAA"), ("login", "marie"), ("password", StaffFixture.password)])
        #expect(wrong.status == 403 && wrong.sessionCookie == nil)
        // A token issued to another address is refused.
        let other = await fixture.get("/agent/connexion", from: "192.0.2.77").hiddenToken() ?? ""
        let foreign = await fixture.send("POST", "/agent/connexion",
                                         form: [("token", other), ("login", "marie"), ("password", StaffFixture.password)])
        #expect(foreign.status == 403 && foreign.sessionCookie == nil)
        #expect(foreign.text.contains("Ce formulaire n’est plus valable"))
        // Not JSON, not a form: 400.
        let json = await fixture.send("POST", "/agent/connexion", form: nil)
        #expect(json.status == 400)
    }

    @Test func sessionExpiresAfterItsLifetime() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let cookie = try await fixture.signedInCookie("marie")
        fixture.clock.advance(8 * 3600 - 1)
        #expect(await fixture.get("/agent", cookie: cookie).status == 200)
        fixture.clock.advance(1)
        let expired = await fixture.get("/agent", cookie: cookie)
        #expect(expired.status == 303 && expired.location == "/agent/connexion")
        let purged = try await fixture.store.purgeStaffSecurityData(at: fixture.clock.now, failuresBefore: fixture.clock.now)
        #expect(purged.sessions == 1)
    }

    @Test func malformedOrUnknownCookiesAreSignedOut() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        _ = try await fixture.signedInCookie("marie")
        for cookie in ["relais_agent=zz", "relais_agent=" + String(repeating: "0", count: 64), "relais_agent=", "other=1"] {
            #expect(await fixture.get("/agent", cookie: cookie).location == "/agent/connexion", "\(cookie)")
        }
    }

    @Test func signOutEndsTheSessionAndDeletesTheCookie() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let cookie = try await fixture.signedInCookie("marie")
        let out = try await fixture.submit(page: "/agent", action: "/agent/deconnexion", cookie: cookie)
        #expect(out.status == 303 && out.location == "/agent/connexion")
        #expect(out.setCookies.contains { $0.hasPrefix("relais_agent=;") && $0.contains("Max-Age=0") })
        #expect(await fixture.get("/agent", cookie: cookie).status == 303)
    }

    @Test func formsOfASessionNeedTheirToken() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        try await fixture.addAgent("paul", name: "Paul Martin")
        let marie = try await fixture.signedInCookie("marie")
        let paul = try await fixture.signedInCookie("paul")
        #expect(await fixture.send("POST", "/agent/presence", cookie: marie, form: [("action", "in")]).status == 403)
        // Paul's token does not work in Marie's session.
        let paulsToken = StaffResponse.token(in: await fixture.get("/agent", cookie: paul).text, action: "/agent/presence") ?? ""
        #expect(await fixture.send("POST", "/agent/presence", cookie: marie, form: [("token", paulsToken), ("action", "in")]).status == 403)
        // A token is spent once.
        let token = StaffResponse.token(in: await fixture.get("/agent", cookie: marie).text, action: "/agent/presence") ?? ""
        #expect(await fixture.send("POST", "/agent/presence", cookie: marie, form: [("token", token), ("action", "in")]).status == 303)
        #expect(await fixture.send("POST", "/agent/presence", cookie: marie, form: [("token", token), ("action", "in")]).status == 403)
        // Without a session, a post leads to the sign-in page and changes nothing.
        #expect(await fixture.send("POST", "/agent/presence", form: [("token", token)]).location == "/agent/connexion")
    }
}
