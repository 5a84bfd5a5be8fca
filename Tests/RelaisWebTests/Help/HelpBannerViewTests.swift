import Foundation
import RelaisCore
import RelaisTesting
import Testing
@testable import RelaisWeb

/// The help banner in words, from each kind of snapshot, and on the pages that carry it. The expected texts
/// hold no-break spaces (U+00A0) where the catalogues do: between a number and its unit, before « ? ».
@Suite struct HelpBannerViewTests {
    static let templates = Task { try await PortalTemplates.load(from: PortalFixture.assetsDirectory) }

    func lines(_ snapshot: HelpOfferSnapshot, _ language: PortalLanguage) async throws -> [String] {
        let messages = try await Self.templates.value.messages[language]
        return HelpBannerView(snapshot, messages: messages)?.lines ?? []
    }

    @Test func someoneOnDuty() async throws {
        #expect(try await lines(HelpOfferSnapshotSamples.onDuty, .fr) == ["Camille est à l’accueil jusqu’à 17 h."])
        #expect(try await lines(HelpOfferSnapshotSamples.onDuty, .en) == ["Camille is at the front desk until 17:00."])
    }

    @Test func nobodyOnDutyButAPlaceOpen() async throws {
        #expect(try await lines(HelpOfferSnapshotSamples.placeOpen, .fr) == [
            "Personne n’est à l’accueil ici en ce moment.",
            "France services de Chauvigny, à 9,8 km d’ici, est ouvert jusqu’à 12 h 30.",
        ])
        #expect(try await lines(HelpOfferSnapshotSamples.placeOpen, .en).last == "France services de Chauvigny, 9.8 km from here, is open until 12:30.")
    }

    @Test func nothingOpenSaysWhenItOpens() async throws {
        // Monday 7 December is a week ahead: the date, not « lundi », which would read as today.
        #expect(try await lines(HelpOfferSnapshotSamples.nothingOpen, .fr).last == "Centre social, à 1,3 km d’ici, ouvre le 7/12 à 9 h.")
        var snapshot = HelpOfferSnapshotSamples.nothingOpen
        snapshot.places[0].hours = .opensAt(LocalDateTime(year: 2026, month: 12, day: 3, hour: 9, minute: 5)!)
        #expect(try await lines(snapshot, .fr).last == "Centre social, à 1,3 km d’ici, ouvre jeudi à 9 h 05.")
        #expect(try await lines(snapshot, .en).last == "Centre social, 1.3 km from here, opens Thursday at 9:05.")
        snapshot.places[0].hours = .opensAt(LocalDateTime(year: 2026, month: 12, day: 1, hour: 9)!)
        #expect(try await lines(snapshot, .fr).last == "Centre social, à 1,3 km d’ici, ouvre demain à 9 h.")
    }

    @Test func noPlacesAtAllAndNobodyMeansNoBanner() async throws {
        let messages = try await Self.templates.value.messages[.fr]
        #expect(HelpBannerView(HelpOfferSnapshotSamples.noPlaces, messages: messages) == nil)
        // Workshops alone are still worth a banner.
        var snapshot = HelpOfferSnapshotSamples.noPlaces
        snapshot.workshops = HelpOfferSnapshotSamples.workshops
        let view = try #require(HelpBannerView(snapshot, messages: messages))
        #expect(view.lines.isEmpty && !view.canRequest && !view.hasPlaces)
    }

    @Test func distancesInWords() async throws {
        let messages = try await Self.templates.value.messages[.fr]
        #expect(messages.distance(metres: 12) == "50 m")
        #expect(messages.distance(metres: 320) == "300 m")
        #expect(messages.distance(metres: 980) == "1 km")
        #expect(messages.distance(metres: 1_000) == "1 km")
        #expect(messages.distance(metres: 1_260) == "1,3 km")
        #expect(messages.distance(metres: 9_960) == "10 km")
        #expect(messages.distance(metres: 12_600) == "13 km")
    }

    @Test func splashShowsTheAidantBeforeConnecting() async throws {
        let portal = try await PortalFixture(help: InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty))
        let page = await portal.get("/")
        #expect(page.status == 200)
        #expect(page.text.contains("Besoin d’aide ?"))
        #expect(page.text.contains("Camille est à l’accueil jusqu’à 17 h."))
        #expect(page.text.contains(#"<a class="button" href="/aide/demande">Je veux de l’aide</a>"#))
        #expect(page.text.contains("Premiers pas sur le smartphone</strong> – aujourd’hui à 14 h, Salle du conseil. 3 places libres."))
        #expect(page.text.contains("Créer son compte ameli</strong> – mercredi à 9 h 30, Médiathèque. Complet."))
        #expect(page.text.contains(#"<a href="/aide/lieux">Tous les lieux d’aide près d’ici</a>"#))
        // The connect form is still there, with its token.
        _ = try BrowserForm.find(in: page.text, action: "/connexion")
    }

    @Test func bannerFollowsTheOfferAndEscapesNames() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        offer.set(HelpOfferSnapshotSamples.placeOpen)
        var page = await portal.get("/?lang=en")
        #expect(page.text.contains("Nobody is at the front desk here right now."))
        #expect(!page.text.contains("/aide/demande"), "nobody to come: no request button")
        offer.set(HelpOfferSnapshotSamples.nothingOpen)
        offer.set(HelpOfferSnapshot(now: HelpOfferSnapshotSamples.now, places: [HelpOfferSnapshotSamples.mediatheque]))
        page = await portal.get("/")
        #expect(page.text.contains("Médiathèque &lt;La Passerelle&gt;, à 300 m d’ici, ouvre le 7/12 à 9 h."))
        #expect(!page.text.contains("<La Passerelle>"))
    }

    @Test func statusAndConnectedPagesCarryTheBanner() async throws {
        let portal = try await PortalFixture(help: InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty))
        let connected = try await portal.connect()
        #expect(connected.status == 200)
        #expect(connected.text.contains("Camille est à l’accueil jusqu’à 17 h."))
        let status = await portal.get("/statut?lang=en")
        #expect(status.text.contains("Camille is at the front desk until 17:00."))
        #expect(status.text.contains(#"href="/aide/demande?lang=en""#))
    }

    @Test func withoutAHelpOfferThePagesAreAsBefore() async throws {
        let portal = try await PortalFixture()
        let page = await portal.get("/")
        #expect(!page.text.contains("class=\"help\""))
        #expect(page.text.contains("Besoin d’aide ? Adressez-vous à l’accueil."))
        #expect(await portal.get("/kiosk").status == 404)
        #expect(await portal.get("/aide/demande").status == 404)
    }
}
