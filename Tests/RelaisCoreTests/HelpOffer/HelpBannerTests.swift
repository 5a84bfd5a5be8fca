import RelaisCore
import Testing

/// Which help the banner offers, from each kind of snapshot.
@Suite struct HelpBannerTests {
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> LocalDateTime {
        LocalDateTime(year: 2026, month: 11, day: day, hour: hour, minute: minute)!
    }

    // Monday 30 November 2026, 11:00.
    let now = at(30, 11)
    let camille = HelpOfferSnapshot.Aidant(label: "Camille", until: at(30, 17))
    let farOpen = HelpOfferSnapshot.Place(name: "France services Chauvigny", distanceMetres: 9_800, hours: .openUntil(at(30, 12, 30)))
    let nearClosed = HelpOfferSnapshot.Place(name: "Médiathèque", distanceMetres: 300, hours: .opensAt(at(30, 14)))
    let nearestUnknown = HelpOfferSnapshot.Place(name: "Centre social", distanceMetres: 120, hours: .unknown)

    @Test func someoneOnDutyComesFirst() {
        let snapshot = HelpOfferSnapshot(now: now, onDuty: [camille], places: [nearClosed, farOpen])
        #expect(HelpBanner(snapshot) == .onDuty(camille))
    }

    @Test func nobodyOnDutyGivesTheNearestOpenPlace() {
        let snapshot = HelpOfferSnapshot(now: now, places: [nearestUnknown, nearClosed, farOpen])
        #expect(HelpBanner(snapshot) == .openPlace(farOpen, closesAt: Self.at(30, 12, 30)))
    }

    @Test func nothingOpenGivesTheNearestPlaceWithAnOpening() {
        let later = HelpOfferSnapshot.Place(name: "Mairie annexe", distanceMetres: 5_000, hours: .opensAt(Self.at(30, 13)))
        let snapshot = HelpOfferSnapshot(now: now, places: [nearestUnknown, nearClosed, later])
        // The nearer place, though the farther one opens an hour sooner.
        #expect(HelpBanner(snapshot) == .opensLater(nearClosed, opensAt: Self.at(30, 14)))
    }

    @Test func placesWithoutHoursGiveTheNearest() {
        let snapshot = HelpOfferSnapshot(now: now, places: [nearestUnknown])
        #expect(HelpBanner(snapshot) == .nearestPlace(nearestUnknown))
    }

    @Test func noPlacesAtAll() {
        #expect(HelpBanner(HelpOfferSnapshot(now: now)) == .nothing)
    }

    @Test func openPlacesKeepTheirOrderAndLimit() {
        let other = HelpOfferSnapshot.Place(name: "PIJ", distanceMetres: 11_000, hours: .openUntil(nil))
        let snapshot = HelpOfferSnapshot(now: now, places: [nearClosed, farOpen, other, nearestUnknown])
        #expect(snapshot.openPlaces(limit: 5) == [farOpen, other])
        #expect(snapshot.openPlaces(limit: 1) == [farOpen])
        #expect(snapshot.nearestOpenPlace == farOpen)
    }
}
