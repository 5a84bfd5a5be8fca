import FoundationEssentials
import RelaisCore

/// The help banner of the welcome, connected and status pages, in words: who can help here, or the
/// nearest place and when it opens; the next workshops; the link to every place.
struct HelpBannerView {
    /// How many workshops the banner lists (the kiosk shows more).
    static let workshopCount = 3

    var lines: [String]
    /// Someone is on duty: « Je veux de l’aide » reaches them.
    var canRequest: Bool
    var workshops: [[String: Any]]
    var hasPlaces: Bool

    /// Nil when there is nothing to say beyond the footer's « ask at the desk ».
    init?(_ snapshot: HelpOfferSnapshot, messages: MessageCatalogue) {
        let banner = HelpBanner(snapshot)
        lines = Self.lines(banner, now: snapshot.now, messages: messages)
        canRequest = !snapshot.onDuty.isEmpty
        workshops = snapshot.workshops.prefix(Self.workshopCount).map { Self.workshop($0, now: snapshot.now, messages: messages) }
        hasPlaces = !snapshot.places.isEmpty
        if banner == .nothing, workshops.isEmpty { return nil }
    }

    var values: [String: Any] {
        var values: [String: Any] = ["lines": lines, "canRequest": canRequest, "hasPlaces": hasPlaces]
        if !workshops.isEmpty { values["workshops"] = workshops; values["hasWorkshops"] = true }
        return values
    }

    /// The sentences of the banner for `banner`, seen at `now`.
    static func lines(_ banner: HelpBanner, now: LocalDateTime, messages: MessageCatalogue) -> [String] {
        switch banner {
        case .onDuty(let aidant):
            return [onDuty(aidant, messages: messages)]
        case .openPlace(let place, let closes):
            let distance = messages.distance(metres: place.distanceMetres)
            let text = closes.map {
                messages.format("help.place_open_until", ["place": place.name, "distance": distance, "time": messages.clockTime($0.time)])
            } ?? messages.format("help.place_open", ["place": place.name, "distance": distance])
            return [messages["help.nobody_here"], text]
        case .opensLater(let place, let opens):
            return [messages["help.nobody_here"], messages.format("help.place_opens", [
                "place": place.name, "distance": messages.distance(metres: place.distanceMetres),
                "moment": messages.moment(opens, from: now),
            ])]
        case .nearestPlace(let place):
            return [messages["help.nobody_here"], messages.format("help.place_nearest", [
                "place": place.name, "distance": messages.distance(metres: place.distanceMetres),
            ])]
        case .nothing:
            return []
        }
    }

    /// « Camille est à l’accueil jusqu’à 17 h. »
    static func onDuty(_ aidant: HelpOfferSnapshot.Aidant, messages: MessageCatalogue) -> String {
        guard let until = aidant.until else { return messages.format("help.on_duty_now", ["name": aidant.label]) }
        return messages.format("help.on_duty", ["name": aidant.label, "time": messages.clockTime(until.time)])
    }

    static func workshop(_ workshop: HelpOfferSnapshot.Workshop, now: LocalDateTime, messages: MessageCatalogue) -> [String: Any] {
        var values: [String: Any] = [
            "title": workshop.title,
            "when": messages.format("help.workshop_when", ["moment": messages.moment(workshop.start, from: now), "place": workshop.place]),
        ]
        if let seats = messages.seats(workshop.seatsLeft) { values["seats"] = seats }
        return values
    }
}

extension PortalPages {
    /// The banner of a page in `language`, its links keeping `languageQuery`; empty without a help offer
    /// or with nothing to say.
    func helpBanner(_ language: PortalLanguage, languageQuery: String, now: Date) -> TrustedHTML {
        guard let help else { return TrustedHTML(generatedMarkup: "") }
        let snapshot = help.offer.snapshot(at: now)
        return helpBanners.banner(for: snapshot, .init(language: language, languageQuery: languageQuery)) {
            guard let view = HelpBannerView(snapshot, messages: renderer.messages[language]) else { return TrustedHTML(generatedMarkup: "") }
            // The template escaped every value: the fragment is safe to place in the page as it is.
            return TrustedHTML(generatedMarkup: renderer.fragment("helpbanner", view.values, language: language, languageQuery: languageQuery) ?? "")
        }
    }
}
