import FoundationEssentials
import Testing
import RelaisCore
@testable import RelaisStore

/// A cheap, well-formed hash: the store only checks the `scrypt$` prefix.
let fakeHash = "scrypt$10$8$1$00$00"

func addMarie(_ db: AppDatabase) async throws -> Agent {
    try await db.addAgent(NewAgent(login: "marie", displayName: "Marie Dupont", role: "Accueil", showsFirstName: true),
                          passwordHash: fakeHash, at: t0)
}

@Suite struct AppDatabaseRosterTests {
    @Test func agentsAreCreatedWithUniqueLogins() async throws {
        let db = try AppDatabase.inMemory()
        let marie = try await addMarie(db)
        #expect(marie.login == "marie" && marie.showsFirstName && !marie.isDisabled)
        await #expect(throws: StoreError.self) { _ = try await addMarie(db) }
        #expect(try await db.agents().map(\.id) == [marie.id])
        #expect(try await db.agentCredentials(login: "marie")?.passwordHash == fakeHash)
        #expect(try await db.agentCredentials(login: "nobody") == nil)
    }

    @Test func passwordChangeAndDisableEndSessions() async throws {
        let db = try AppDatabase.inMemory()
        let marie = try await addMarie(db)
        let token = [UInt8](repeating: 7, count: 32)
        try await db.openStaffSession(tokenHash: token, agentID: marie.id, at: t0, expiresAt: t0.addingTimeInterval(3600))
        #expect(try await db.staffSessionAgent(tokenHash: token, at: t0)?.id == marie.id)
        #expect(try await db.staffSessionAgent(tokenHash: token, at: t0.addingTimeInterval(3600)) == nil)
        #expect(try await db.setPasswordHash(login: "marie", "scrypt$new"))
        #expect(try await db.staffSessionAgent(tokenHash: token, at: t0) == nil)
        #expect(try await !db.setPasswordHash(login: "nobody", "scrypt$new"))

        try await db.openStaffSession(tokenHash: token, agentID: marie.id, at: t0, expiresAt: t0.addingTimeInterval(3600))
        _ = try await db.checkIn(agentID: marie.id, at: t0)
        #expect(try await db.setAgentDisabled(login: "marie", true, at: t0.addingTimeInterval(60)))
        #expect(try await db.staffSessionAgent(tokenHash: token, at: t0) == nil)
        #expect(try await db.checkIns(since: t0).allSatisfy { !$0.isOpen })
        #expect(try await db.agents().first?.isDisabled == true)
    }

    @Test func slotsRoundTripAndTheSchemaRefusesNonsense() async throws {
        let db = try AppDatabase.inMemory()
        let marie = try await addMarie(db)
        let weekly = try await db.addRosterSlot(agentID: marie.id, recurrence: .weekly(.tuesday),
                                                start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 12, minute: 0)!)
        let once = try await db.addRosterSlot(agentID: marie.id, recurrence: .once(LocalDate(year: 2026, month: 12, day: 24)!),
                                              start: LocalTime(hour: 22, minute: 0)!, end: LocalTime(hour: 2, minute: 0)!)
        #expect(try await db.rosterSlots() == [weekly, once])
        await #expect(throws: StoreError.self) {
            _ = try await db.addRosterSlot(agentID: marie.id, recurrence: .weekly(.monday), start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 9, minute: 0)!)
        }
        await #expect(throws: StoreError.self) {
            _ = try await db.addRosterSlot(agentID: 999, recurrence: .weekly(.monday), start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 10, minute: 0)!)
        }
        #expect(try await db.removeRosterSlot(id: weekly.id))
        #expect(try await !db.removeRosterSlot(id: weekly.id))
        #expect(try await db.rosterSlots() == [once])
    }

    @Test func oneOpenCheckInPerAgent() async throws {
        let db = try AppDatabase.inMemory()
        let marie = try await addMarie(db)
        let first = try await db.checkIn(agentID: marie.id, at: t0)
        let again = try await db.checkIn(agentID: marie.id, at: t0.addingTimeInterval(60))
        #expect(first == again)
        let closed = try await db.checkOut(agentID: marie.id, at: t0.addingTimeInterval(120))
        #expect(closed?.endReason == .checkedOut && closed?.endedAt == t0.addingTimeInterval(120))
        #expect(try await db.checkOut(agentID: marie.id, at: t0.addingTimeInterval(180)) == nil)
        let second = try await db.checkIn(agentID: marie.id, at: t0.addingTimeInterval(200))
        #expect(try await db.endCheckIns([(second.id, t0.addingTimeInterval(300))], reason: .slotEnded) == 1)
        #expect(try await db.endCheckIns([(second.id, t0.addingTimeInterval(400))], reason: .slotEnded) == 0)
        let all = try await db.checkIns(since: t0)
        #expect(all.map(\.endReason) == [.checkedOut, .slotEnded])
        #expect(try await db.purgeCheckIns(startedBefore: t0.addingTimeInterval(100)) == 1)
        #expect(try await db.checkIns(since: t0).count == 1)
    }

    @Test func signInFailuresCountPerAccountAndAddressAndArePurged() async throws {
        let db = try AppDatabase.inMemory()
        let marie = try await addMarie(db)
        try await db.recordSignInFailure(agentID: marie.id, address: "192.0.2.1", at: t0)
        try await db.recordSignInFailure(agentID: nil, address: "192.0.2.1", at: t0.addingTimeInterval(1))
        try await db.recordSignInFailure(agentID: marie.id, address: "192.0.2.2", at: t0.addingTimeInterval(2))
        let counts = try await db.signInFailures(agentID: marie.id, address: "192.0.2.1", since: t0)
        #expect(counts.account.count == 2 && counts.address.count == 2)
        try await db.clearSignInFailures(agentID: marie.id)
        let after = try await db.signInFailures(agentID: marie.id, address: "192.0.2.1", since: t0)
        #expect(after.account.isEmpty && after.address.count == 1)
        try await db.openStaffSession(tokenHash: [UInt8](repeating: 1, count: 32), agentID: marie.id, at: t0, expiresAt: t0.addingTimeInterval(10))
        try await db.openStaffSession(tokenHash: [UInt8](repeating: 2, count: 32), agentID: marie.id, at: t0, expiresAt: t0.addingTimeInterval(100))
        let purged = try await db.purgeStaffSecurityData(at: t0.addingTimeInterval(50), failuresBefore: t0.addingTimeInterval(5))
        #expect(purged.sessions == 1 && purged.failures == 1)
    }

    @Test func workshopsCRUDInLocalTimeOrder() async throws {
        let db = try AppDatabase.inMemory()
        let later = try await db.addWorkshop(Workshop(id: 0, title: "Impôts en ligne", startsAt: LocalDateTime(year: 2026, month: 12, day: 8, hour: 10)!, place: "Salle 1", seats: nil))
        var sooner = try await db.addWorkshop(Workshop(id: 0, title: "ameli", startsAt: LocalDateTime(year: 2026, month: 12, day: 1, hour: 14)!, place: "Salle 2", seats: 8))
        #expect(try await db.workshops(from: LocalDateTime(year: 2026, month: 11, day: 30)!, limit: 5).map(\.id) == [sooner.id, later.id])
        #expect(try await db.workshops(from: LocalDateTime(year: 2026, month: 12, day: 2)!, limit: 5).map(\.id) == [later.id])
        #expect(try await db.workshops(from: LocalDateTime(year: 2026, month: 11, day: 30)!, limit: 1).count == 1)
        sooner.seats = 10
        sooner.title = "Créer son espace ameli"
        #expect(try await db.updateWorkshop(sooner))
        #expect(try await db.workshop(id: sooner.id) == sooner)
        #expect(try await db.deleteWorkshop(id: sooner.id))
        #expect(try await !db.deleteWorkshop(id: sooner.id))
        #expect(try await db.workshop(id: sooner.id) == nil)
        await #expect(throws: StoreError.self) {
            _ = try await db.addWorkshop(Workshop(id: 0, title: "", startsAt: LocalDateTime(year: 2026, month: 12, day: 1)!, place: "x", seats: nil))
        }
    }

    @Test func helpRequestLifecycleAndPurge() async throws {
        let db = try AppDatabase.inMemory()
        let marie = try await addMarie(db)
        let digest = [UInt8](repeating: 9, count: 32)
        let id = try await db.addHelpRequest(topic: .caf, seat: "table 3", tokenDigest: digest, at: t0)
        let stored = try await db.helpRequest(id: id)
        #expect(stored?.request.state == .received && stored?.request.topic == .caf && stored?.tokenDigest == digest)
        #expect(try await db.openHelpRequests().map(\.id) == [id])
        #expect(try await db.takeHelpRequest(id: id, agentID: marie.id, at: t0.addingTimeInterval(60)))
        #expect(try await !db.takeHelpRequest(id: id, agentID: marie.id, at: t0.addingTimeInterval(61)))
        #expect(try await db.helpRequest(id: id)?.request.takenBy == marie.id)
        #expect(try await db.closeHelpRequest(id: id, at: t0.addingTimeInterval(120)))
        #expect(try await !db.closeHelpRequest(id: id, at: t0.addingTimeInterval(121)))
        #expect(try await db.openHelpRequests().isEmpty)
        let today = try await db.addHelpRequest(topic: nil, seat: nil, tokenDigest: digest, at: t0.addingTimeInterval(86_400))
        #expect(try await db.purgeHelpRequests(createdBefore: t0.addingTimeInterval(86_000)) == 1)
        #expect(try await db.helpRequest(id: id) == nil)
        #expect(try await db.helpRequest(id: today) != nil)
        await #expect(throws: StoreError.self) {
            _ = try await db.addHelpRequest(topic: nil, seat: String(repeating: "x", count: 61), tokenDigest: digest, at: t0)
        }
    }
}
