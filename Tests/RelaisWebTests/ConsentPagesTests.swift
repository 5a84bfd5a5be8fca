import Foundation
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import Testing
@testable import RelaisStore
@testable import RelaisWeb

/// The consent and notice pages through the responder: the first layer, the unticked box, the full
/// notice in both languages, remembered devices passing without the portal, and withdrawal.
@Suite struct ConsentPagesTests {
    static let rememberField = "consent-remember-device"

    /// Connects from the visitor's address, ticking « Se souvenir de cet appareil ».
    func connectRemembering(_ portal: PortalFixture) async throws -> TestResponse {
        let form = try BrowserForm.find(in: (await portal.get("/")).text, action: "/connexion")
        return await portal.submit(form.ticking(Self.rememberField))
    }

    @Test(arguments: ["/", "/?lang=en"])
    func theWelcomePageHasTheFirstLayerAndAnUntickedBox(target: String) async throws {
        let portal = try await PortalFixture()
        let html = (await portal.get(target)).plainText
        let french = target == "/"
        #expect(html.contains(french ? "Pour vous connecter, nous utilisons l’adresse de votre appareil." : "To connect you, we use your device’s address."))
        #expect(html.contains(french ? "Se souvenir de cet appareil (30 jours)" : "Remember this device (30 days)"))
        #expect(html.contains(french ? "Facultatif : le wifi marche aussi sans cocher." : "Optional: the wifi works without ticking too."))
        let box = try #require(html.range(of: #"<input type="checkbox"[^>]*>"#, options: .regularExpression).map { String(html[$0]) })
        #expect(box.contains(#"name="consent-remember-device""#))
        #expect(!box.contains("checked"), "unticked by default")
        #expect(html.contains(#"<label for="consent-remember-device">"#))
    }

    @Test func withoutItsKeyTheBoxIsNotOffered() async throws {
        var settings = try await PortalFixture().settings
        settings.offersRememberDevice = false
        let portal = try await PortalFixture()
        let responder = PortalResponder(
            settings: settings, gateway: portal.visitors, codec: FormTokenCodec(authenticator: WebTestAuthenticator()),
            random: CountingRandomSource(), templates: try await PortalTemplates.load(from: settings.assetsDirectory),
            digest: SHA256Digest(), logger: PortalFixture.quietLogger)
        let page = try #require(responder.immediateResponse(to: portal.request("GET", "/")))
        #expect(!String(decoding: page.body, as: UTF8.self).contains("checkbox"))
    }

    @Test func connectingWithoutTickingStoresNoConsent() async throws {
        let portal = try await PortalFixture()
        #expect(try await portal.connect().status == 200)
        #expect(try consentRows(portal) == 0)
        #expect(!portal.visitors.isRemembered(mac: PortalFixture.visitorMAC))
        #expect(!(await portal.get("/statut")).text.contains("/oublier"), "nothing to forget")
    }

    @Test func tickingRecordsTheNoticeShownWithTheSession() async throws {
        let portal = try await PortalFixture()
        #expect(try await connectRemembering(portal).status == 200)
        let session = try #require(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP))
        let row = try portal.visitors.store.withConnection { db in
            try db.fetchOne("SELECT notice_version, notice_sha256, purposes FROM consent") { [$0.string(at: 0), $0.string(at: 1), $0.string(at: 2)] }
        }
        let french = try #require(portal.responder.pages.notice.notices[.fr])
        #expect(row == [session.termsVersion, SHA256Digest().sha256Hex(french.text), "remember-device"])
        #expect(portal.visitors.isRemembered(mac: PortalFixture.visitorMAC))
    }

    @Test(arguments: [PortalLanguage.fr, .en])
    func theNoticeHasEveryRequiredItem(language: PortalLanguage) async throws {
        var extra = PortalFixture.testNotice
        extra.extraText = ["fr": "Texte ajouté par la commune.", "en": "Text added by the commune."]
        let portal = try await PortalFixture(notice: extra)
        let page = await portal.get("/confidentialite?lang=\(language.rawValue)")
        #expect(page.status == 200)
        let french = [
            "Commune de Test, 1 place de la Mairie, 86000 Poitiers", "dpo@test.example", "article 6.1.e", "article 6.1.c",
            "article 6.1.a", "L34-1", "autorité judiciaire", "réquisition", "Le Département reçoit seulement des statistiques anonymes",
            "Journal des connexions : 1 an", "Appareil mémorisé : 30 jours", "effacées à la fin de la journée", "Statistiques anonymes",
            "droit d’accès", "corriger", "effacer quand la loi le permet", "opposer", "limiter", "Ne plus se souvenir de cet appareil",
            "CNIL", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", "www.cnil.fr", "Texte ajouté par la commune.",
        ]
        let english = [
            "Commune de Test, 1 place de la Mairie, 86000 Poitiers", "dpo@test.example", "article 6(1)(e)", "article 6(1)(c)",
            "article 6(1)(a)", "L34-1", "judicial authority", "formal request", "The Département only receives anonymous statistics",
            "Log of connections: 1 year", "Remembered device: 30 days", "deleted at the end of the day", "Anonymous statistics",
            "right of access", "corrected", "deleted where the law allows", "object", "limit", "Stop remembering this device",
            "CNIL", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", "www.cnil.fr", "Text added by the commune.",
        ]
        for words in language == .fr ? french : english {
            #expect(page.plainText.contains(words), "\(language): \(words)")
        }
        // The page shows exactly the text that is hashed: every paragraph of the assembled notice.
        let notice = try #require(portal.responder.pages.notice.notices[language])
        for paragraph in notice.sections.flatMap(\.paragraphs) {
            var escaped = ""
            HTMLEscaping.append(paragraph, to: &escaped)
            #expect(page.text.contains(escaped), "\(paragraph)")
        }
    }

    @Test func configuredPurposesAreOfferedUntickedAndRecorded() async throws {
        let consent = ConsentSettings(rememberDays: 7, extraPurposes: [
            .init(id: "lettre", retentionDays: 365, label: ["fr": "Recevoir la lettre", "en": "Receive the letter"],
                  explanation: ["fr": "Une lettre par mois.", "en": "One letter a month."]),
        ])
        let portal = try await PortalFixture(consent: consent)
        let splash = (await portal.get("/?lang=en")).plainText
        #expect(splash.contains("Remember this device (7 days)"))
        #expect(splash.contains("Receive the letter"))
        #expect(splash.contains("One letter a month."))
        #expect((await portal.get("/confidentialite")).plainText.contains("Recevoir la lettre : 365 jours au plus"))
        let form = try BrowserForm.find(in: splash, action: "/connexion")
        #expect(form.value("consent-lettre") == nil, "unticked")
        #expect(await portal.submit(form.ticking("consent-lettre")).status == 200)
        let purposes = try portal.visitors.store.withConnection { db in try db.text("SELECT purposes FROM consent") }
        #expect(purposes == "lettre")
        #expect(!portal.visitors.isRemembered(mac: PortalFixture.visitorMAC))
    }

    @Test func aRememberedDeviceReconnectsWithoutThePortal() async throws {
        let portal = try await PortalFixture()
        #expect(try await connectRemembering(portal).status == 200)
        let version = portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP)?.termsVersion
        _ = await portal.visitors.logout(ipAddress: PortalFixture.visitorIP)
        #expect(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP) == nil)

        // Android's probe: the gateway lets the device through and the probe gets its 204, no popup.
        let probe = portal.request("GET", "/generate_204", host: "connectivitycheck.gstatic.com")
        #expect(portal.responder.immediateResponse(to: probe) == nil, "a remembered device takes the slow path")
        let answer = await portal.send(probe)
        #expect(answer.status == 204)
        let session = try #require(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP))
        #expect(session.origin == .portal)
        #expect(session.termsVersion == version)
        #expect(portal.visitors.firewall.contents.grants[PortalFixture.visitorMAC] != nil)

        // Apple's probe and any page, once the session is over again.
        _ = await portal.visitors.logout(ipAddress: PortalFixture.visitorIP)
        let apple = await portal.send(portal.request("GET", "/hotspot-detect.html", host: "captive.apple.com"))
        #expect(apple.status == 200)
        #expect(apple.text.contains("<TITLE>Success</TITLE>"))
        _ = await portal.visitors.logout(ipAddress: PortalFixture.visitorIP)
        let page = await portal.send(portal.request("GET", "/news?x=1", host: "example.org"))
        #expect(page.status == 307)
        #expect(page.location == "http://example.org/news?x=1")
    }

    @Test func anotherDeviceIsStillSentToThePortal() async throws {
        let portal = try await PortalFixture()
        #expect(try await connectRemembering(portal).status == 200)
        let stranger: IPAddress = "192.0.2.51"
        portal.visitors.neighbours.set(stranger, MACAddress("02:00:5e:10:00:51")!)
        let probe = portal.request("GET", "/generate_204", host: "connectivitycheck.gstatic.com", from: stranger)
        let answer = try #require(portal.responder.immediateResponse(to: probe), "the fast path")
        #expect(answer.status == 302)
        #expect(portal.visitors.directory.session(forIPAddress: stranger) == nil)
    }

    @Test func anExpiredRememberedDeviceMeetsThePortalAgain() async throws {
        let portal = try await PortalFixture()
        #expect(try await connectRemembering(portal).status == 200)
        _ = await portal.visitors.logout(ipAddress: PortalFixture.visitorIP)
        portal.clock.advance(by: 30 * 86_400)
        let probe = portal.request("GET", "/generate_204", host: "connectivitycheck.gstatic.com")
        let answer = await portal.send(probe)
        #expect(answer.status == 302)
        #expect(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP) == nil)
    }

    @Test func theStatusPageForgetsTheDeviceInOneTap() async throws {
        let portal = try await PortalFixture()
        #expect(try await connectRemembering(portal).status == 200)
        let status = await portal.get("/statut")
        #expect(status.plainText.contains("Ne plus se souvenir de cet appareil"))
        let form = try BrowserForm.find(in: status.text, action: "/oublier")
        let done = await portal.submit(form)
        #expect(done.status == 200)
        #expect(done.plainText.contains("cet appareil est oublié. Votre connexion continue."))
        #expect(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP) != nil, "the connection goes on")
        #expect(!portal.visitors.isRemembered(mac: PortalFixture.visitorMAC))
        let counts = try portal.visitors.store.withConnection { db in
            [try db.integer("SELECT COUNT(*) FROM remembered_device"), try db.integer("SELECT COUNT(*) FROM consent WHERE withdrawn_at IS NOT NULL")]
        }
        #expect(counts == [0, 1])
        #expect(await portal.submit(form).status == 403, "a spent token is refused")

        // Next time, the portal again.
        _ = await portal.visitors.logout(ipAddress: PortalFixture.visitorIP)
        let probe = portal.request("GET", "/generate_204", host: "connectivitycheck.gstatic.com")
        #expect(portal.responder.immediateResponse(to: probe)?.status == 302)
    }

    @Test func forgettingAfterTheSessionEndedSaysSoOnItsOwnPage() async throws {
        let portal = try await PortalFixture()
        #expect(try await connectRemembering(portal).status == 200)
        let form = try BrowserForm.find(in: (await portal.get("/statut?lang=en")).text, action: "/oublier")
        _ = await portal.visitors.logout(ipAddress: PortalFixture.visitorIP)
        let done = await portal.submit(form)
        #expect(done.status == 200)
        #expect(done.plainText.contains("Next time, the wifi welcome page will show."))
        #expect(!portal.visitors.isRemembered(mac: PortalFixture.visitorMAC))
    }

    func consentRows(_ portal: PortalFixture) throws -> Int64? {
        try portal.visitors.store.withConnection { db in try db.integer("SELECT COUNT(*) FROM consent") }
    }
}

extension TestResponse {
    /// The body with French typography's no-break spaces read as spaces.
    var plainText: String { text.replacingOccurrences(of: "\u{A0}", with: " ") }
}
