import FoundationEssentials
import RelaisCore
import Testing

@Suite struct NearestPlacesTests {
    // The box in Poitiers' town hall.
    let box = GeoPoint(latitude: 46.5802, longitude: 0.3404)

    func sample() throws -> [Place] {
        [
            try place("loudun", "Loudun", at: GeoPoint(latitude: 47.0103, longitude: 0.0830), hours: "Mo-Fr 09:00-12:00"),
            try place("nowhere", "Atelier sans adresse", at: nil, hours: "Mo-Fr 09:00-17:00"),
            try place("chat", "Châtellerault", at: GeoPoint(latitude: 46.8178, longitude: 0.5461), hours: "Mo-Fr 14:00-17:00"),
            try place("poitiers", "Médiathèque", at: GeoPoint(latitude: 46.5840, longitude: 0.3400), hours: "Sa 10:00-12:00"),
            try place("b-same", "B même endroit", at: GeoPoint(latitude: 46.5840, longitude: 0.3400)),
            try place("a-none", "Aucune adresse", at: nil),
        ]
    }

    @Test func nearestFirstTiesAndUnlocatedPlacesByName() throws {
        let order = NearestPlaces.sorted(try sample(), from: box).map(\.place.id)
        #expect(order == ["b-same", "poitiers", "chat", "loudun", "nowhere", "a-none"])
        let first = try #require(NearestPlaces.sorted(try sample(), from: box).first?.metres)
        #expect(abs(first - 423) < 5)
        // Without the box's coordinates, the list is by name.
        #expect(NearestPlaces.sorted(try sample(), from: nil).map(\.place.id).first == "nowhere")
    }

    @Test func nearestOpenPlaceOrSoonestOpening() throws {
        let places = try sample()
        // Tuesday 3 November 2026, 10:00: Loudun is open, Châtellerault (nearer) opens at 14:00.
        let morning = try #require(NearestPlaces.nearestOpen(places, from: box, at: parisTime(2026, 11, 3, 10), in: paris))
        #expect(morning.place.id == "loudun" && morning.status == .open(until: parisTime(2026, 11, 3, 12)))
        // 15:00: Châtellerault is open and nearer than the unlocated place that is open too.
        let afternoon = try #require(NearestPlaces.nearestOpen(places, from: box, at: parisTime(2026, 11, 3, 15), in: paris))
        #expect(afternoon.place.id == "chat")
        // Friday 18:00: nothing open; the Poitiers médiathèque opens first, on Saturday at 10:00.
        let evening = try #require(NearestPlaces.nearestOpen(places, from: box, at: parisTime(2026, 11, 6, 18), in: paris))
        #expect(evening.place.id == "poitiers" && evening.status == .closed(opensAt: parisTime(2026, 11, 7, 10)))
        #expect(NearestPlaces.nearestOpen([], from: box, at: parisTime(2026, 11, 6, 18), in: paris) == nil)
    }
}
