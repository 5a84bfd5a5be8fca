import FoundationEssentials
import Logging
import RelaisCore
import RelaisCrypto
import RelaisStore
import Testing
@testable import RelaisGateway

private func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int = 0, _ s: Int = 0) -> Date {
    paris.instant(for: LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi)!).addingTimeInterval(Double(s))
}

private func local(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int = 0) -> LocalDateTime {
    LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi)!
}

/// The box at the mairie of Vouneuil-sous-Biard; places around it at known distances.
private let box = GeoPoint(latitude: 46.5730, longitude: 0.2740)!

private func place(_ id: String, _ name: String, north metres: Double, hours: String?) throws -> Place {
    // One degree of latitude is about 111.2 km on the mean sphere.
    Place(id: id, pivot: "2\(id)", name: name, commune: "Poitiers", postalCode: "86000", address: "1 rue \(name)",
          updatedOn: LocalDate(year: 2026, month: 10, day: 1)!,
          location: GeoPoint(latitude: box.latitude + metres / 111_195, longitude: box.longitude),
          openingHours: try hours.map { try OpeningHours(parsing: $0) })
}

@Suite struct RosterHelpOfferTests {
    let db: AppDatabase
    let desk: HelpDesk
    let usage: UsageRecorder
    let offer: RosterHelpOffer

    init() throws {
        db = try AppDatabase.temporary()
        desk = HelpDesk(store: db, zone: paris, random: SystemRandomSource(), digest: SHA256Digest(), logger: Logger(label: "test"))
        usage = UsageRecorder(store: db, zone: paris, random: SystemRandomSource(), keyedHash: hmacFactory, logger: Logger(label: "test"))
        offer = RosterHelpOffer(desk: desk, directory: db, origin: box, zone: paris, usage: usage, logger: Logger(label: "test"))
    }

    func agent(_ login: String, role: String, shows: Bool) async throws -> Agent {
        try await db.addAgent(NewAgent(login: login, displayName: "\(login.capitalized) Test", role: role, showsFirstName: shows),
                              passwordHash: "scrypt$x", at: at(2026, 11, 1, 9))
    }

    func sampleDirectory() async throws {
        try await db.replaceDirectory(with: [
            try place("far", "Centre social", north: 9_000, hours: "Mo-Fr 09:00-18:00"),
            try place("near", "Médiathèque", north: 300, hours: "Tu-Sa 10:00-18:00"),
            try place("mid", "France services", north: 2_000, hours: "Mo-Fr 08:30-12:00"),
        ])
    }

    @Test func beforeTheFirstRefreshNothingIsKnown() {
        let snapshot = offer.snapshot(at: at(2026, 11, 30, 10))
        #expect(snapshot == HelpOfferSnapshot(now: local(2026, 11, 30, 10)))
        #expect(HelpBanner(snapshot) == .nothing)
    }

    @Test func placesNearestFirstWithTheirStateAtTheRefresh() async throws {
        try await sampleDirectory()
        // Monday 30 November 2026, 10:00 in Paris: the médiathèque opens Tuesday, the other two are open.
        try await offer.refresh(at: at(2026, 11, 30, 10))
        let snapshot = offer.snapshot(at: at(2026, 11, 30, 10, 0, 20))
        #expect(snapshot.places.map(\.name) == ["Médiathèque", "France services", "Centre social"])
        #expect(snapshot.places.map(\.distanceMetres).allSatisfy { $0 > 0 })
        #expect(abs(snapshot.places[0].distanceMetres - 300) <= 2)
        #expect(snapshot.places[0].hours == .opensAt(local(2026, 12, 1, 10)))
        #expect(snapshot.places[1].hours == .openUntil(local(2026, 11, 30, 12)))
        #expect(HelpBanner(snapshot) == .openPlace(snapshot.places[1], closesAt: local(2026, 11, 30, 12)))
        // At 13:00 only the farther one is open; the snapshot answers from memory until the next refresh.
        try await offer.refresh(at: at(2026, 11, 30, 13))
        #expect(offer.snapshot(at: at(2026, 11, 30, 13)).nearestOpenPlace?.name == "Centre social")
    }

    @Test func withoutTheBoxsCoordinatesNoPlaceIsNear() async throws {
        try await sampleDirectory()
        let nowhere = RosterHelpOffer(desk: desk, directory: db, origin: nil, zone: paris, usage: nil, logger: Logger(label: "test"))
        try await nowhere.refresh(at: at(2026, 11, 30, 10))
        #expect(nowhere.snapshot(at: at(2026, 11, 30, 10)).places.isEmpty)
    }

    @Test func aCheckInThroughTheDeskShowsAtOnceAndACheckOutGivesThePlaceBack() async throws {
        try await sampleDirectory()
        let camille = try await agent("camille", role: "Conseillère numérique", shows: true)
        let now = at(2026, 11, 30, 10)
        try await offer.refresh(at: now)
        #expect(offer.snapshot(at: now).onDuty.isEmpty)

        _ = try await db.checkIn(agentID: camille.id, at: now)
        await desk.changed(.checkedIn, at: now)
        let onDuty = offer.snapshot(at: now)
        #expect(onDuty.onDuty == [HelpOfferSnapshot.Aidant(label: "Camille", until: nil)])
        #expect(HelpBanner(onDuty) == .onDuty(onDuty.onDuty[0]))

        let later = now.addingTimeInterval(600)
        _ = try await db.checkOut(agentID: camille.id, at: later)
        await desk.changed(.checkedOut, at: later)
        let after = offer.snapshot(at: later)
        #expect(after.onDuty.isEmpty)
        #expect(after.nearestOpenPlace?.name == "France services")
    }

    @Test func aPlannedSlotGivesTheEndAndTheRoleWhenTheAgentHidesTheName() async throws {
        let paul = try await agent("paul", role: "Accueil", shows: false)
        _ = try await db.addRosterSlot(agentID: paul.id, recurrence: .weekly(.monday),
                                       start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 17, minute: 0)!)
        try await offer.refresh(at: at(2026, 11, 30, 10))
        #expect(offer.snapshot(at: at(2026, 11, 30, 10)).onDuty == [HelpOfferSnapshot.Aidant(label: "Accueil", until: local(2026, 11, 30, 17))])
    }

    @Test func workshopsSoonestFirstAfterAChangeAtTheDesk() async throws {
        try await offer.refresh(at: at(2026, 11, 30, 10))
        _ = try await db.addWorkshop(Workshop(id: 0, title: "Créer son compte ameli", startsAt: local(2026, 12, 2, 9, 30), place: "Médiathèque", seats: nil))
        _ = try await db.addWorkshop(Workshop(id: 0, title: "Premiers pas", startsAt: local(2026, 12, 1, 14), place: "Salle du conseil", seats: 8))
        _ = try await db.addWorkshop(Workshop(id: 0, title: "Passé", startsAt: local(2026, 11, 29, 14), place: "Salle", seats: 8))
        #expect(offer.snapshot(at: at(2026, 11, 30, 10)).workshops.isEmpty)
        await desk.changed(.workshops, at: at(2026, 11, 30, 10, 1))
        #expect(offer.snapshot(at: at(2026, 11, 30, 10, 1)).workshops == [
            HelpOfferSnapshot.Workshop(title: "Premiers pas", start: local(2026, 12, 1, 14), place: "Salle du conseil", seatsLeft: 8),
            HelpOfferSnapshot.Workshop(title: "Créer son compte ameli", start: local(2026, 12, 2, 9, 30), place: "Médiathèque", seatsLeft: nil),
        ])
    }

    @Test func aRequestIsFollowedFromReceivedToTakenToClosed() async throws {
        let camille = try await agent("camille", role: "Accueil", shows: true)
        let ticket = try await offer.submitHelpRequest(topic: .franceTravail, seat: "près de la fenêtre", at: at(2026, 11, 30, 10))
        let id = try #require(Int64(ticket.id))
        let stored = try #require(try await db.helpRequest(id: id))
        #expect(stored.request.topic == .franceTravail)
        #expect(stored.request.seat == "près de la fenêtre")
        #expect(await offer.helpRequestProgress(ticket) == .received)
        _ = try await db.takeHelpRequest(id: stored.request.id, agentID: camille.id, at: at(2026, 11, 30, 10, 2))
        #expect(await offer.helpRequestProgress(ticket) == .taken)
        _ = try await db.closeHelpRequest(id: stored.request.id, at: at(2026, 11, 30, 10, 20))
        #expect(await offer.helpRequestProgress(ticket) == .closed)
        // A wrong token or an id that is not one learns nothing.
        #expect(await offer.helpRequestProgress(HelpOfferTicket(id: ticket.id, token: String(repeating: "0", count: 32))) == nil)
        #expect(await offer.helpRequestProgress(HelpOfferTicket(id: "x1", token: ticket.token)) == nil)
        let bare = try await offer.submitHelpRequest(topic: nil, seat: nil, at: at(2026, 11, 30, 11))
        let bareID = try #require(Int64(bare.id))
        #expect(try await db.helpRequest(id: bareID)?.request.topic == nil)
    }

    @Test func everyVisitorTopicIsAStaffTopic() {
        for topic in HelpOfferTopic.allCases { #expect(HelpTopic(rawValue: topic.rawValue) != nil) }
        for stage in HelpRequestState.allCases { #expect(HelpRequestStage(rawValue: stage.rawValue) != nil) }
    }

    @Test func requestsAndDutyMinutesReachTheDailyReportsFigures() async throws {
        let camille = try await agent("camille", role: "Accueil", shows: true)
        let ticket = try await offer.submitHelpRequest(topic: nil, seat: nil, at: at(2026, 11, 30, 10, 5))
        _ = try await offer.submitHelpRequest(topic: .caf, seat: nil, at: at(2026, 11, 30, 14, 5))
        let id = try #require(Int64(ticket.id))
        _ = try await db.takeHelpRequest(id: id, agentID: camille.id, at: at(2026, 11, 30, 10, 7))
        await desk.changed(.requestTaken, at: at(2026, 11, 30, 10, 7))
        _ = try await db.checkIn(agentID: camille.id, at: at(2026, 11, 30, 10, 8))
        await desk.changed(.checkedIn, at: at(2026, 11, 30, 10, 8))
        // Three refreshes within one minute count it once; the next minute counts again.
        try await offer.refresh(at: at(2026, 11, 30, 10, 8, 30))
        try await offer.refresh(at: at(2026, 11, 30, 10, 8, 50))
        try await offer.refresh(at: at(2026, 11, 30, 10, 9, 10))
        // Nobody on duty at 15:00 (a check-out): that hour counts no duty.
        _ = try await db.checkOut(agentID: camille.id, at: at(2026, 11, 30, 15))
        try await offer.refresh(at: at(2026, 11, 30, 15, 1))
        await usage.flush()

        let day = LocalDate(year: 2026, month: 11, day: 30)!
        let rows = try await db.usage(from: day, through: day)
        let figures = HelpOfferFigures(usage: rows)
        #expect(figures.requestsMade == [10: 1, 14: 1])
        #expect(figures.requestsTaken == [10: 1])
        #expect(figures.onDutyHours == [10])
        #expect(rows.filter { $0.metric == .onDutyMinutes }.map(\.amount) == [2])
        #expect(figures.kioskViews == nil)
    }
}
