/// A workshop (atelier) announced to visitors: « Créer son espace ameli », Tuesday 14:00, salle 2, 8 places.
public struct Workshop: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var title: String
    /// Local date and time it starts, as the poster says.
    public var startsAt: LocalDateTime
    public var place: String
    /// Seats offered; nil when not limited.
    public var seats: Int?

    public init(id: Int64, title: String, startsAt: LocalDateTime, place: String, seats: Int?) {
        self.id = id
        self.title = title
        self.startsAt = startsAt
        self.place = place
        self.seats = seats
    }

    public static let maxTitleLength = 120
    public static let maxPlaceLength = 120
    public static let seatRange = 1...1000

    /// What is wrong with a workshop an agent typed in, field by field; empty when it is valid.
    public var problems: [WorkshopProblem] {
        var found: [WorkshopProblem] = []
        if !Self.isValid(title, max: Self.maxTitleLength) { found.append(.title) }
        if !Self.isValid(place, max: Self.maxPlaceLength) { found.append(.place) }
        if let seats, !Self.seatRange.contains(seats) { found.append(.seats) }
        return found
    }

    static func isValid(_ text: String, max: Int) -> Bool {
        (1...max).contains(text.count) && text == RosterText.trimmed(text)
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f }
    }
}

/// A field of a workshop that cannot be saved as typed.
public enum WorkshopProblem: String, Sendable, Hashable {
    case title, date, time, place, seats
}
