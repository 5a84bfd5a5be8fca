/// What visitors see of the help offer at one moment, in the box's local time: who is on duty here,
/// the places of help around, the next workshops. Plain values, so that the pages need neither the
/// roster nor the directory, and a snapshot can be compared to reuse a rendered banner.
public struct HelpOfferSnapshot: Sendable, Equatable {
    /// The local date and time the snapshot describes (« today » and « tomorrow » are reckoned from it).
    public var now: LocalDateTime
    /// Who is on duty here now, in the order to show them.
    public var onDuty: [Aidant]
    /// Places of help, nearest first, each with its state at `now`; empty when the box has no directory.
    public var places: [Place]
    /// The next workshops here, soonest first.
    public var workshops: [Workshop]

    public init(now: LocalDateTime, onDuty: [Aidant] = [], places: [Place] = [], workshops: [Workshop] = []) {
        self.now = now
        self.onDuty = onDuty
        self.places = places
        self.workshops = workshops
    }

    /// The nearest place open at `now`, if any.
    public var nearestOpenPlace: Place? {
        places.first { if case .openUntil = $0.hours { true } else { false } }
    }

    /// The open places, nearest first, at most `limit` (the kiosk shows a few).
    public func openPlaces(limit: Int) -> [Place] {
        Array(places.filter { if case .openUntil = $0.hours { true } else { false } }.prefix(limit))
    }
}
