import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// The view model of `/kiosk`, the hall screen: who is on duty, the next workshops, the open places
/// around, and the two QR codes. It reloads itself; no JavaScript.
struct KioskPage {
    /// How many workshops and open places the screen lists.
    static let listLength = 4

    var values: [String: Any]

    init(_ snapshot: HelpOfferSnapshot, codes: KioskCodes.Codes, ssid: String, refreshSeconds: Int, messages: MessageCatalogue) {
        var values: [String: Any] = ["refreshSeconds": refreshSeconds, "ssid": ssid]
        let now = snapshot.now
        values["aidants"] = snapshot.onDuty.map { aidant -> [String: Any] in
            var entry: [String: Any] = ["label": aidant.label]
            if let until = aidant.until { entry["until"] = messages.format("kiosk.until", ["time": messages.clockTime(until.time)]) }
            return entry
        }
        values["workshops"] = snapshot.workshops.prefix(Self.listLength).map { HelpBannerView.workshop($0, now: now, messages: messages) }
        let open = snapshot.openPlaces(limit: Self.listLength)
        values["openPlaces"] = open.map { place -> [String: Any] in
            var entry: [String: Any] = ["name": place.name, "distance": messages.distance(metres: place.distanceMetres)]
            if case .openUntil(let closes?) = place.hours {
                entry["until"] = messages.format("kiosk.until", ["time": messages.clockTime(closes.time)])
            }
            return entry
        }
        // Nothing open: say where and when help comes back, as the banner does.
        if open.isEmpty, !snapshot.places.isEmpty {
            let banner = HelpBanner(HelpOfferSnapshot(now: now, places: snapshot.places))
            values["closedLines"] = Array(HelpBannerView.lines(banner, now: now, messages: messages).dropFirst())
        }
        values["hasAidants"] = !snapshot.onDuty.isEmpty
        values["hasWorkshops"] = !snapshot.workshops.isEmpty
        values["hasOpenPlaces"] = !open.isEmpty
        values["noPlaces"] = snapshot.places.isEmpty
        if let wifi = codes.wifi { values["wifiCode"] = wifi }
        if let places = codes.places { values["placesCode"] = places }
        self.values = values
    }
}

extension PortalPages {
    /// `GET /kiosk`: the hall screen in the visit's language (French unless asked otherwise).
    func kiosk(_ visit: PortalVisit) throws(HTTPError) -> HTTPResponse {
        guard let help else { throw HTTPError(.notFound) }
        let page = KioskPage(
            help.offer.snapshot(at: visit.now), codes: kioskCodes[visit.language], ssid: help.kiosk.ssid,
            refreshSeconds: help.kiosk.refreshSeconds, messages: renderer.messages[visit.language])
        return renderer.page("kiosk", page.values, visit: visit)
    }

    /// The help offer's routes: the request form, its progress, the kiosk screen.
    func addHelpRoutes(to router: inout Router<PortalContext>) {
        router.get("/aide/demande", .immediate { request, context in try self.helpRequestForm(self.visit(request, context)) })
        router.post("/aide/demande", .async { request, context in try await self.submitHelpRequest(request, context) })
        router.get("/aide/suivi", .async { request, context in try await self.helpProgress(self.visit(request, context)) })
        router.get("/kiosk", .immediate { request, context in try self.kiosk(self.visit(request, context)) })
    }
}
