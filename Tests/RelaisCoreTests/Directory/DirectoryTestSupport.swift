import FoundationEssentials
import RelaisCore


/// The instant of a UTC reading.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    Date(timeIntervalSince1970: Double(LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)!.localSecondsSince1970))
}

/// The instant a Paris wall clock first shows this reading.
func parisTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
    paris.instant(for: LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)!, .earliest)
}

func hours(_ text: String) throws -> OpeningHours { try OpeningHours(parsing: text) }

func place(_ id: String, _ name: String, at point: GeoPoint?, hours text: String? = nil) throws -> Place {
    Place(id: id, pivot: "21860194700013", name: name, commune: "Poitiers", postalCode: "86000", address: "1 rue Test",
          updatedOn: LocalDate(year: 2026, month: 1, day: 5)!, location: point,
          openingHours: try text.map { try OpeningHours(parsing: $0) })
}
