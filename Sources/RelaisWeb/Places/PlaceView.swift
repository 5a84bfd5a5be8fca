import FoundationEssentials
import RelaisCore

/// The view model of one place, as the list and the place's own page show it.
struct PlaceView {
    /// Schema values of `services` and `modalites_acces` that have words in the catalogues (the French
    /// value is the schema's own); other values are shown as written.
    static let serviceKeys: [String: String] = [
        "Aide aux démarches administratives": "admin", "Maîtrise des outils numériques du quotidien": "everyday",
        "Insertion professionnelle via le numérique": "jobs", "Utilisation sécurisée du numérique": "safety",
        "Parentalité et éducation avec le numérique": "parents", "Loisirs et créations numériques": "creative",
        "Compréhension du monde numérique": "understanding", "Accès internet et matériel informatique": "access",
        "Acquisition de matériel informatique à prix solidaire": "equipment",
    ]
    static let accessKeys: [String: String] = [
        "Se présenter": "walk_in", "Téléphoner": "phone", "Contacter par mail": "email",
        "Prendre un RDV en ligne": "online", "Ce lieu n'accueille pas de public": "no_public",
        "Envoyer un mail avec une fiche de prescription": "referral",
    ]
    static var codeKeys: [String: [String]] {
        var keys: [String: [String]] = [:]
        for key in serviceKeys.values { keys["places.service.\(key)"] = [] }
        for key in accessKeys.values { keys["places.access.\(key)"] = [] }
        return keys
    }

    /// The template values of `place`; `href` is its own page.
    static func values(_ entry: PlaceDistance, wording: PlaceWording, now: Date, href: String) -> [String: Any] {
        let place = entry.place
        let messages = wording.messages
        // Computed once: a week or more of ranges resolved in the zone.
        let status = place.openingHours.flatMap { $0.isCommentOnly ? nil : $0.status(at: now, in: wording.zone) }
        var values: [String: Any] = [
            "id": place.id, "name": place.name, "href": href,
            "address": "\(place.address), \(place.postalCode) \(place.commune)",
            "status": status.map { wording.status($0, now: now) } ?? wording.status(place.openingHours, at: now),
            "open": status?.isOpen ?? false,
            "week": place.openingHours.map { $0.isCommentOnly ? [] : wording.week($0) } ?? [],
            "services": place.services.map { value in serviceKeys[value].map { messages["places.service.\($0)"] } ?? value },
            "access": place.accessModes.map { value in accessKeys[value].map { messages["places.access.\($0)"] } ?? value },
            "emails": place.emails, "websites": place.websites,
        ]
        if let metres = entry.metres { values["distance"] = wording.distance(metres) }
        if let phone = place.phone {
            values["phone"] = phone
            values["phoneDisplay"] = displayPhone(phone)
        }
        if let url = place.appointmentURL { values["appointment"] = url }
        if let summary = place.summary { values["summary"] = summary }
        if let comments = place.openingHours?.comments, !comments.isEmpty, place.openingHours?.isCommentOnly == false {
            values["hoursNote"] = comments.joined(separator: " ; ")
        }
        return values
    }

    /// `+33555000101` as a French reader dials it: « 05 55 00 01 01 »; other numbers as written.
    static func displayPhone(_ phone: String) -> String {
        guard phone.hasPrefix("+33"), phone.count == 12 else { return phone }
        let digits = Array("0" + phone.dropFirst(3))
        return stride(from: 0, to: digits.count, by: 2).map { String(digits[$0..<min($0 + 2, digits.count)]) }.joined(separator: " ")
    }
}
