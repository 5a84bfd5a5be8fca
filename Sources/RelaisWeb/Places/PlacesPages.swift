import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// Where the visitor pages find the places of help: the directory, the box's position and its zone.
public struct PlacesSource: Sendable {
    public let directory: any PlaceDirectory
    public let zone: TimeZoneRules

    public init(directory: any PlaceDirectory, zone: TimeZoneRules) {
        self.directory = directory
        self.zone = zone
    }
}

extension PortalPages {
    /// At most this many places on the list: the page stays under 50 KB on a phone.
    static let maxListedPlaces = 30

    /// `GET /aide/lieux`: the places of help, nearest first, with their hours in words and how to get help.
    func places(_ visit: PortalVisit) async throws -> HTTPResponse {
        let (sorted, wording) = try await sortedPlaces(visit)
        let listed = sorted.prefix(Self.maxListedPlaces).map { entry in
            PlaceView.values(entry, wording: wording, now: visit.now, href: placeHref(entry.place, visit))
        }
        let messages = wording.messages
        var values: [String: Any] = ["places": Array(listed), "hasPlaces": !listed.isEmpty]
        values["intro"] = messages[settings.boxLocation == nil ? "places.intro_by_name" : "places.intro_by_distance"]
        if sorted.count > listed.count {
            values["more"] = messages.format("places.more", ["count": String(listed.count), "total": String(sorted.count)])
        }
        return renderer.page("places", values, visit: visit)
    }

    /// `GET /aide/lieux/:id`: one place, with everything the directory says about it.
    func place(_ visit: PortalVisit, id: String) async throws -> HTTPResponse {
        let (sorted, wording) = try await sortedPlaces(visit)
        guard let entry = sorted.first(where: { $0.place.id == id }) else { throw HTTPError(.notFound) }
        var values = PlaceView.values(entry, wording: wording, now: visit.now, href: placeHref(entry.place, visit))
        values["listHref"] = "/aide/lieux" + visit.languageQuery
        values["updated"] = wording.messages.format(
            "places.updated", ["date": wording.date(entry.place.updatedOn), "year": String(entry.place.updatedOn.year)])
        return renderer.page("place", values, visit: visit)
    }

    private func sortedPlaces(_ visit: PortalVisit) async throws -> ([PlaceDistance], PlaceWording) {
        guard let source = placesSource else { return ([], PlaceWording(messages: renderer.messages[visit.language], zone: .utc)) }
        let places: [Place]
        do {
            places = try await source.directory.places()
        } catch {
            logger.error("places could not be read", metadata: ["db.error": "\(error)"])
            throw HTTPError(.internalError)
        }
        return (NearestPlaces.sorted(places, from: settings.boxLocation),
                PlaceWording(messages: renderer.messages[visit.language], zone: source.zone))
    }

    private func placeHref(_ place: Place, _ visit: PortalVisit) -> String {
        "/aide/lieux/" + URLEncodedForm.encode(place.id) + visit.languageQuery
    }
}
