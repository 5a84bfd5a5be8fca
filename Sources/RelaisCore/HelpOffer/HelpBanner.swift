/// What the help banner says, chosen from a snapshot: someone on duty here comes first, then the
/// nearest open place, then the nearest place and when it opens. The pages turn it into words.
public enum HelpBanner: Sendable, Equatable {
    /// Someone is on duty here now.
    case onDuty(HelpOfferSnapshot.Aidant)
    /// Nobody here, but this place is open (the nearest open one).
    case openPlace(HelpOfferSnapshot.Place, closesAt: LocalDateTime?)
    /// Nothing is open: the nearest place that will open, and when.
    case opensLater(HelpOfferSnapshot.Place, opensAt: LocalDateTime)
    /// Nothing is open and no opening is known: the nearest place, without hours.
    case nearestPlace(HelpOfferSnapshot.Place)
    /// Nobody on duty and no directory: the pages fall back to « ask at the desk ».
    case nothing

    public init(_ snapshot: HelpOfferSnapshot) {
        if let aidant = snapshot.onDuty.first {
            self = .onDuty(aidant)
            return
        }
        if let place = snapshot.nearestOpenPlace, case .openUntil(let closes) = place.hours {
            self = .openPlace(place, closesAt: closes)
            return
        }
        // Nearest first: the first place with a known opening, rather than a farther one opening sooner.
        for place in snapshot.places {
            if case .opensAt(let opens) = place.hours {
                self = .opensLater(place, opensAt: opens)
                return
            }
        }
        self = snapshot.places.first.map(HelpBanner.nearestPlace) ?? .nothing
    }
}
