import struct FoundationEssentials.Date

/// The answer to « where can I get help now, or soonest? »: a place, its distance and its status.
public struct NearestOpening: Sendable, Hashable {
    public let place: Place
    public let metres: Double?
    /// `.open(until:)` when it is open now, else `.closed(opensAt:)` with the soonest opening.
    public let status: OpeningStatus

    public init(place: Place, metres: Double?, status: OpeningStatus) {
        self.place = place
        self.metres = metres
        self.status = status
    }
}

extension NearestPlaces {
    /// The nearest place open at `now`, among the `candidates` nearest to `origin` that have readable hours;
    /// when none is open, the one among them that opens soonest (the nearer on a tie). Nil when none of
    /// them has hours that say when it opens. Used by the banner of the portal and the kiosk.
    public static func nearestOpen(
        _ places: [Place], from origin: GeoPoint?, at now: Date, in zone: TimeZoneRules, candidates: Int = 20
    ) -> NearestOpening? {
        var soonest: NearestOpening?
        var considered = 0
        for entry in sorted(places, from: origin) {
            guard considered < candidates else { break }
            guard let hours = entry.place.openingHours, !hours.isCommentOnly else { continue }
            considered += 1
            let status = hours.status(at: now, in: zone)
            switch status {
            case .open:
                return NearestOpening(place: entry.place, metres: entry.metres, status: status)
            case .closed(let opensAt?):
                if let best = soonest?.status.nextChange, best <= opensAt { continue }
                soonest = NearestOpening(place: entry.place, metres: entry.metres, status: status)
            case .closed(nil), .unknown:
                continue
            }
        }
        return soonest
    }
}
