import FoundationEssentials
import RelaisCore
import Synchronization

/// A help offer over fixed sample data, for `relais serve --demo-help-offer` in development mode only:
/// the pages and the accessibility run show the banner, the request form and the kiosk before the
/// roster and the directory are connected. Requests stay in memory and are never taken.
final class DemoHelpOffer: HelpOffer {
    private let zone: TimeZoneRules
    private let requests = Mutex<[HelpOfferTicket: HelpRequestStage]>([:])

    init(zone: TimeZoneRules) {
        self.zone = zone
    }

    func snapshot(at now: Date) -> HelpOfferSnapshot {
        let local = zone.localDateTime(at: now)
        let today = local.date
        func at(_ days: Int, _ hour: Int, _ minute: Int = 0) -> LocalDateTime {
            LocalDateTime(date: today.adding(days: days), time: LocalTime(hour: hour, minute: minute) ?? .midnight)
        }
        return HelpOfferSnapshot(
            now: local,
            onDuty: [HelpOfferSnapshot.Aidant(label: "Camille", until: at(0, 17))],
            places: [
                HelpOfferSnapshot.Place(name: "Médiathèque La Passerelle", distanceMetres: 320, hours: .opensAt(at(1, 9))),
                HelpOfferSnapshot.Place(name: "France services de Chauvigny", distanceMetres: 9_840, hours: .openUntil(at(0, 17, 30))),
                HelpOfferSnapshot.Place(name: "Centre social des Trois Cités", distanceMetres: 24_300, hours: .openUntil(at(0, 18))),
            ],
            workshops: [
                HelpOfferSnapshot.Workshop(title: "Premiers pas sur le smartphone", start: at(1, 14), place: "Salle du conseil", seatsLeft: 3),
                HelpOfferSnapshot.Workshop(title: "Créer son compte ameli", start: at(2, 9, 30), place: "Médiathèque", seatsLeft: 0),
            ])
    }

    func submitHelpRequest(topic: HelpOfferTopic?, seat: String?, at now: Date) async throws -> HelpOfferTicket {
        let number = Int(now.timeIntervalSince1970 * 1_000) % 1_000_000_000
        let ticket = HelpOfferTicket(id: "demo\(number)", token: "demo\(UInt64.random(in: 1...UInt64.max))")
        requests.withLock { $0[ticket] = .received }
        return ticket
    }

    func helpRequestProgress(_ ticket: HelpOfferTicket) async -> HelpRequestStage? {
        requests.withLock { $0[ticket] }
    }
}
