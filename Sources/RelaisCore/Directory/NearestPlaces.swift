/// A place and how far it is from the box.
public struct PlaceDistance: Sendable, Hashable {
    public let place: Place
    /// Great-circle metres from the box; nil when the place or the box has no coordinates.
    public let metres: Double?

    public init(place: Place, metres: Double?) {
        self.place = place
        self.metres = metres
    }
}

/// Orders places from the nearest, the way the visitor pages list them.
public enum NearestPlaces {
    /// `places` by great-circle distance from `origin`, nearest first; ties and places without coordinates
    /// (last) by name, then id, so that the order never depends on the file's.
    public static func sorted(_ places: [Place], from origin: GeoPoint?) -> [PlaceDistance] {
        places
            .map { place in PlaceDistance(place: place, metres: origin.flatMap { o in place.location.map { o.distance(to: $0) } }) }
            .sorted { a, b in
                switch (a.metres, b.metres) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return (a.place.name, a.place.id) < (b.place.name, b.place.id)
                }
            }
    }
}
