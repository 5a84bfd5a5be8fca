import RelaisCore

/// Snapshots of the help offer on Monday 30 November 2026 at 11:00, one per case the pages tell apart.
enum HelpOfferSnapshotSamples {
    static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> LocalDateTime {
        LocalDateTime(year: 2026, month: 11, day: day, hour: hour, minute: minute)!
    }

    static let now = at(30, 11)
    static let camille = HelpOfferSnapshot.Aidant(label: "Camille", until: at(30, 17))
    static let workshops = [
        HelpOfferSnapshot.Workshop(title: "Premiers pas sur le smartphone", start: at(30, 14), place: "Salle du conseil", seatsLeft: 3),
        HelpOfferSnapshot.Workshop(title: "Créer son compte ameli", start: LocalDateTime(year: 2026, month: 12, day: 2, hour: 9, minute: 30)!, place: "Médiathèque", seatsLeft: 0),
    ]
    static let franceServices = HelpOfferSnapshot.Place(name: "France services de Chauvigny", distanceMetres: 9_840, hours: .openUntil(at(30, 12, 30)))
    static let mediatheque = HelpOfferSnapshot.Place(name: "Médiathèque <La Passerelle>", distanceMetres: 320, hours: .opensAt(LocalDateTime(year: 2026, month: 12, day: 7, hour: 9)!))

    static let onDuty = HelpOfferSnapshot(now: now, onDuty: [camille], places: [mediatheque, franceServices], workshops: workshops)
    static let placeOpen = HelpOfferSnapshot(now: now, places: [mediatheque, franceServices])
    static let nothingOpen = HelpOfferSnapshot(now: now, places: [
        HelpOfferSnapshot.Place(name: "Centre social", distanceMetres: 1_260, hours: .opensAt(LocalDateTime(year: 2026, month: 12, day: 7, hour: 9)!)),
    ])
    static let noPlaces = HelpOfferSnapshot(now: now)
}
