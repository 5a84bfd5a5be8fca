import FoundationEssentials
import Logging
import RelaisCore
import RelaisStore
import Testing
@testable import RelaisGateway


private func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int = 0) -> Date {
    paris.instant(for: LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi)!)
}

/// A digest good enough to tell tokens apart in tests: the real one is SHA-256 (RelaisCrypto).
private struct XorDigest: TextDigest {
    func sha256(_ token: [UInt8]) -> [UInt8] { (0..<32).map { token[$0 % token.count] ^ UInt8($0) } }
}

private struct CountingRandom: RandomSource {
    func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

@Suite struct HelpDeskTests {
    let db: AppDatabase
    let desk: HelpDesk

    init() throws {
        db = try AppDatabase.inMemory()
        desk = HelpDesk(store: db, zone: paris, random: CountingRandom(), digest: XorDigest(), logger: Logger(label: "test"))
    }

    func agent(_ login: String, shows: Bool) async throws -> Agent {
        try await db.addAgent(NewAgent(login: login, displayName: "\(login.capitalized) Test", role: "Accueil", showsFirstName: shows),
                              passwordHash: "scrypt$x", at: at(2026, 11, 1, 9))
    }

    @Test func dutyNowThenCheckOutThenNext() async throws {
        let marie = try await agent("marie", shows: true)
        let paul = try await agent("paul", shows: false)
        _ = try await db.addRosterSlot(agentID: marie.id, recurrence: .weekly(.monday), start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 17, minute: 0)!)
        _ = try await db.addRosterSlot(agentID: paul.id, recurrence: .weekly(.tuesday), start: LocalTime(hour: 14, minute: 0)!, end: LocalTime(hour: 18, minute: 0)!)
        let now = at(2026, 11, 30, 10)
        let duty = try await desk.dutyNow(at: now)
        #expect(duty.map(\.label) == ["Marie"])
        #expect(duty.first?.until == at(2026, 11, 30, 17))
        _ = try await db.checkIn(agentID: marie.id, at: now)
        _ = try await db.checkOut(agentID: marie.id, at: now.addingTimeInterval(600))
        #expect(try await desk.dutyNow(at: now.addingTimeInterval(700)).isEmpty)
        let next = try await desk.nextDuty(after: now.addingTimeInterval(700))
        #expect(next?.label == "Accueil")
        #expect(next?.from == at(2026, 12, 1, 14))
    }

    @Test func forgottenCheckInsAreEndedAtTheSlotsEnd() async throws {
        let marie = try await agent("marie", shows: true)
        _ = try await db.addRosterSlot(agentID: marie.id, recurrence: .weekly(.monday), start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 12, minute: 0)!)
        _ = try await db.checkIn(agentID: marie.id, at: at(2026, 11, 30, 9, 2))
        #expect(try await desk.endForgottenCheckIns(at: at(2026, 11, 30, 11)) == 0)
        #expect(try await desk.endForgottenCheckIns(at: at(2026, 11, 30, 12, 5)) == 1)
        let ended = try await db.checkIns(since: at(2026, 11, 30, 0))
        #expect(ended.first?.endedAt == at(2026, 11, 30, 12))
        #expect(ended.first?.endReason == .slotEnded)
        #expect(try await desk.dutyNow(at: at(2026, 11, 30, 12, 5)).isEmpty)
    }

    @Test func helpRequestTicketFollowsTheLifecycle() async throws {
        let marie = try await agent("marie", shows: true)
        let ticket = try await desk.submitHelpRequest(topic: .impots, seat: "  au fond  ", at: at(2026, 11, 30, 10))
        #expect(ticket.token.count == 32)
        #expect(try await desk.helpRequestProgress(ticket)?.state == .received)
        #expect(try await db.helpRequest(id: ticket.id)?.request.seat == "au fond")
        // A wrong token learns nothing.
        let forged = HelpRequestTicket(id: ticket.id, token: String(repeating: "0", count: 32))
        #expect(try await desk.helpRequestProgress(forged) == nil)
        #expect(try await desk.helpRequestProgress(HelpRequestTicket(id: ticket.id, token: "zz")) == nil)
        _ = try await db.takeHelpRequest(id: ticket.id, agentID: marie.id, at: at(2026, 11, 30, 10, 5))
        let taken = try await desk.helpRequestProgress(ticket)
        #expect(taken?.state == .taken && taken?.takenByLabel == "Marie")
        _ = try await db.closeHelpRequest(id: ticket.id, at: at(2026, 11, 30, 10, 20))
        #expect(try await desk.helpRequestProgress(ticket)?.state == .closed)
        // Still there late in the day, gone after local midnight (the purge job's help-request step).
        let purge = try #require(db.purgeSteps(in: paris).first { $0.category == .helpRequests })
        #expect(try await purge.run(at(2026, 11, 30, 23, 59), 500) == 0)
        #expect(try await purge.run(at(2026, 12, 1, 0, 0), 500) == 1)
        #expect(try await desk.helpRequestProgress(ticket) == nil)
    }

    @Test func upcomingWorkshopsFromLocalTime() async throws {
        _ = try await db.addWorkshop(Workshop(id: 0, title: "Passé", startsAt: LocalDateTime(year: 2026, month: 11, day: 30, hour: 9)!, place: "A", seats: nil))
        let next = try await db.addWorkshop(Workshop(id: 0, title: "Bientôt", startsAt: LocalDateTime(year: 2026, month: 11, day: 30, hour: 14)!, place: "A", seats: 6))
        #expect(try await desk.upcomingWorkshops(from: at(2026, 11, 30, 10), limit: 3).map(\.id) == [next.id])
    }
}
