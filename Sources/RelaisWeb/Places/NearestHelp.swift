import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// « Where can I get help now? » in words, for a banner (the portal's pages, the kiosk): the nearest place
/// open now, else the one that opens soonest among the nearest, with its status sentence.
struct NearestHelp: Sendable, Equatable {
    let placeID: String
    let name: String
    /// « Ouvert maintenant, ferme à 17 h 30 », « Fermé, ouvre lundi à 9 h ».
    let status: String
    let isOpen: Bool
    /// « à 1,2 km »; nil when the box or the place has no coordinates.
    let distance: String?
    /// The place's own page, in the visit's language.
    let href: String
}

extension PortalPages {
    /// The nearest open place (or the soonest to open) in `language`, at `now`; nil when there is no
    /// directory, no place with readable hours, or the directory cannot be read (logged).
    func nearestHelp(language: PortalLanguage, languageQuery: String, now: Date) async -> NearestHelp? {
        guard let source = placesSource else { return nil }
        let places: [Place]
        do {
            places = try await source.directory.places()
        } catch {
            logger.error("places could not be read", metadata: ["db.error": "\(error)"])
            return nil
        }
        guard let nearest = NearestPlaces.nearestOpen(places, from: settings.boxLocation, at: now, in: source.zone) else {
            return nil
        }
        let wording = PlaceWording(messages: renderer.messages[language], zone: source.zone)
        return NearestHelp(
            placeID: nearest.place.id, name: nearest.place.name, status: wording.status(nearest.status, now: now),
            isOpen: nearest.status.isOpen, distance: nearest.metres.map(wording.distance),
            href: "/aide/lieux/" + URLEncodedForm.encode(nearest.place.id) + languageQuery)
    }
}
