import Foundation
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import RelaisStore
import RelaisTesting
@testable import RelaisWeb
import Testing

/// The portal with a directory of three places in a real (in-memory) store, at a chosen Paris time.
struct PlacesFixture {
    static let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
    let portal: PortalFixture
    let responder: PortalResponder

    /// Tuesday 3 November 2026, 10:00 in Paris, unless told otherwise.
    init(at local: LocalDateTime = LocalDateTime(year: 2026, month: 11, day: 3, hour: 10)!, boxLocation: GeoPoint? = GeoPoint(latitude: 46.5802, longitude: 0.3404)) async throws {
        portal = try await PortalFixture()
        let store = try AppDatabase.inMemory()
        try await store.replaceDirectory(with: try Self.places())
        var settings = portal.settings
        settings.boxLocation = boxLocation
        let now = Self.paris.instant(for: local)
        responder = PortalResponder(
            settings: settings, gateway: portal.visitors, codec: FormTokenCodec(authenticator: WebTestAuthenticator()),
            random: CountingRandomSource(), templates: try await PortalTemplates.load(from: settings.assetsDirectory), digest: SHA256Digest(),
            clock: { now }, logger: PortalFixture.quietLogger, places: PlacesSource(directory: store, zone: Self.paris))
    }

    static func places() throws -> [Place] {
        let updated = LocalDate(year: 2026, month: 9, day: 14)!
        return [
            Place(id: "chatellerault", pivot: "21860066100019", name: "Médiathèque La Caravelle", commune: "Châtellerault",
                  postalCode: "86100", address: "Place Jean Hernandez", updatedOn: updated,
                  location: GeoPoint(latitude: 46.8178, longitude: 0.5461),
                  openingHours: try OpeningHours(parsing: "Tu,Th,Fr 13:00-18:00; We,Sa 10:00-18:00; PH off"),
                  services: ["Accès internet et matériel informatique"], phone: "+33555000106",
                  accessModes: ["Se présenter"]),
            Place(id: "couronneries", pivot: "21860194700013", name: "Espace numérique des Couronneries", commune: "Poitiers",
                  postalCode: "86000", address: "37 rue de la Vallée Monnaie", updatedOn: updated,
                  location: GeoPoint(latitude: 46.5897, longitude: 0.3673),
                  openingHours: try OpeningHours(parsing: "Mo-Fr 09:00-12:00,14:00-17:30; PH off"),
                  services: ["Aide aux démarches administratives", "Un service hors du schéma"], phone: "+33555000102",
                  summary: "Conseillère numérique : smartphone, messagerie, démarches.",
                  appointmentURL: "https://rdv.example.org/couronneries", accessModes: ["Se présenter", "Prendre un RDV en ligne"]),
            Place(id: "mirebeau & co", pivot: "W861000123", name: "Générations Connectées", commune: "Mirebeau",
                  postalCode: "86110", address: "Place de la République", updatedOn: updated,
                  openingHours: try OpeningHours(parsing: "\"sur rendez-vous\"")),
        ]
    }

    var pages: PortalPages { responder.pages }

    func get(_ target: String, headers: [(name: String, value: String)] = []) async -> TestResponse {
        let request = portal.request("GET", target, headers: headers)
        return TestResponse(await responder.respond(to: request))
    }
}

@Suite struct PlacesPagesTests {
    @Test func theListIsNearestFirstWithHoursInFrenchWords() async throws {
        let fixture = try await PlacesFixture()
        let page = await fixture.get("/aide/lieux", headers: [("accept-language", "fr")])
        #expect(page.status == 200 && page.header("content-type") == "text/html; charset=utf-8")
        let text = page.text
        let couronneries = try #require(text.range(of: "Espace numérique des Couronneries"))
        let caravelle = try #require(text.range(of: "Médiathèque La Caravelle"))
        let mirebeau = try #require(text.range(of: "Générations Connectées"))
        #expect(couronneries.lowerBound < caravelle.lowerBound && caravelle.lowerBound < mirebeau.lowerBound)
        #expect(text.contains("Ouvert maintenant, ferme à 12 h"))
        #expect(text.contains("Fermé pour l’instant, ouvre aujourd’hui à 13 h"))
        #expect(text.contains("Horaires : sur rendez-vous"))
        #expect(text.contains("Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h 30."))
        #expect(text.contains("Le mercredi : de 10 h à 18 h.") && text.contains("Fermé les jours fériés."))
        #expect(text.contains("à 2,3 km") && text.contains("à 30,7 km"))
        #expect(text.contains("<a href=\"tel:+33555000102\">05 55 00 01 02</a>"))
        #expect(text.contains("Aide aux démarches administratives") && text.contains("Un service hors du schéma"))
        #expect(text.contains("<a href=\"https://rdv.example.org/couronneries\">Prendre rendez-vous en ligne</a>"))
        #expect(text.contains("href=\"/aide/lieux/mirebeau%20%26%20co\""))
        #expect(!text.contains("<script"))
        #expect(page.response.body.count < 50 * 1024)
    }

    @Test func theSamePageInEnglish() async throws {
        let fixture = try await PlacesFixture()
        let text = await fixture.get("/aide/lieux?lang=en").text
        #expect(text.contains("<html lang=\"en\">"))
        #expect(text.contains("Open now, closes at 12 pm"))
        #expect(text.contains("Closed for now, opens today at 1 pm"))
        #expect(text.contains("Monday to Friday: 9 am to 12 pm and 2 pm to 5:30 pm."))
        #expect(text.contains("2.3 km away") && text.contains("Help with official paperwork online"))
        #expect(text.contains("href=\"/aide/lieux/couronneries?lang=en\""))
    }

    @Test func onePlaceHasItsOwnPage() async throws {
        let fixture = try await PlacesFixture(at: LocalDateTime(year: 2026, month: 11, day: 6, hour: 19)!)
        let page = await fixture.get("/aide/lieux/couronneries", headers: [("accept-language", "fr")])
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Espace numérique des Couronneries</h1>"))
        #expect(page.text.contains("Conseillère numérique : smartphone, messagerie, démarches."))
        // Friday evening: next opening on Monday morning.
        #expect(page.text.contains("Fermé, ouvre lundi à 9 h"))
        #expect(page.text.contains("Informations mises à jour le 14 septembre 2026."))
        let encoded = await fixture.get("/aide/lieux/mirebeau%20%26%20co")
        #expect(encoded.status == 200 && encoded.text.contains("<h1>Générations Connectées</h1>"))
        #expect(await fixture.get("/aide/lieux/inconnu").status == 404)
    }

    @Test func withoutTheBoxPositionThePlacesAreByName() async throws {
        let fixture = try await PlacesFixture(boxLocation: nil)
        let text = await fixture.get("/aide/lieux", headers: [("accept-language", "fr")]).text
        #expect(text.contains("par ordre alphabétique") && !text.contains(" km"))
        let couronneries = try #require(text.range(of: "Espace numérique des Couronneries"))
        let mirebeau = try #require(text.range(of: "Générations Connectées"))
        let caravelle = try #require(text.range(of: "Médiathèque La Caravelle"))
        #expect(couronneries.lowerBound < mirebeau.lowerBound && mirebeau.lowerBound < caravelle.lowerBound)
    }

    @Test func withoutADirectoryThePageSaysSo() async throws {
        let portal = try await PortalFixture()
        let page = await portal.get("/aide/lieux")
        #expect(page.status == 200 && page.text.contains("La liste des lieux n’est pas encore disponible"))
    }
}
