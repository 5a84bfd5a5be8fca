import FoundationEssentials
import RelaisCore
import RelaisCrypto
import Testing
@testable import RelaisStore

/// The legal log inside the session transactions, on real SQLite and real AES-256-GCM.
@Suite struct AppDatabaseLegalLogTests {
    @Test func anAdmissionWritesItsSealedEntryAndADeniedOneWritesNothing() async throws {
        let database = try AppDatabase.inMemory(legalSealer: legalSealer())
        let session = try #require(try await database.admitted([visitor(1)]).first)
        let entry = try #require(try await database.legalEntry(sessionID: session.id!))
        #expect(entry == LegalEntry(session: visitor(1), natMode: .none, publicAddress: nil, portRange: nil))
        let clear = try #require(try await database.legalEntryClearColumns(sessionID: session.id!))
        #expect(clear.keyID == 1 && clear.startHour == LegalHourBucket.of(t0) && clear.endHour == nil)

        _ = try await database.block([mac(2)], endDates: [:], at: t0)
        let outcomes = try await database.admit([Admission(session: visitor(2)), Admission(session: visitor(3))], capacity: 1)
        #expect(outcomes.map(\.session) == [nil, nil])
        #expect(try await rowCount("legal_entry", in: database) == 1)
        #expect(try await rowCount("session", in: database) == 1)
    }

    @Test func aSealThatFailsRollsTheAdmissionBack() async throws {
        let database = try AppDatabase.inMemory(legalSealer: FailingSealer())
        let error = await #expect(throws: StoreError.self) { _ = try await database.admitted([visitor(1)]) }
        #expect(error?.code == .legalLog)
        #expect(try await rowCount("session", in: database) == 0)
    }

    /// Every path that ends a session seals its entry again, with the end, the reason and the IPv6
    /// addresses, and leaves the session row without MAC or IP; the caller still gets them back.
    @Test func everyEndingPathSealsTheEntryAgainAndScrubsTheRow() async throws {
        let database = try AppDatabase.inMemory(legalSealer: legalSealer())
        let sessions = try await database.admitted((1...5).map { visitor($0) })
        try await database.recordLegalIPv6([sessions[0].id!: [IPAddress("2001:db8::1")!, IPAddress("fe80::1")!]])
        #expect(try await rowCount("legal_live_ipv6", in: database) == 2)
        let end = t0.addingTimeInterval(120)
        var ended: [Session] = []
        ended += try await database.endSessions([SessionEnding(sessionID: sessions[0].id!, reason: .visitorLogout, endedAt: end)])
        ended += try await database.endSessions([SessionEnding(sessionID: sessions[1].id!, reason: .firewallFailure, endedAt: end)])
        ended += try await database.block([mac(3)], endDates: [mac(3): end], at: end)
        ended += try await database.admitted([visitor(4, startingAfter: 120)]).isEmpty ? [] : [sessions[3].ended(.replaced, at: end)]
        ended += try await database.endExpiredSessions(at: t0.addingTimeInterval(3600))
        let reasons: [SessionEndReason] = [.visitorLogout, .firewallFailure, .blocked, .replaced, .sessionLimit]
        // The ending statements return the device as it was, for the firewall.
        #expect(ended.prefix(3).map(\.mac) == [mac(1), mac(2), mac(3)])
        #expect(ended.prefix(3).map(\.ipAddress) == sessions.prefix(3).map(\.ipAddress))
        for (index, session) in sessions.enumerated() {
            let entry = try #require(try await database.legalEntry(sessionID: session.id!))
            #expect(entry.mac == session.mac && entry.privateIPv4 == session.ipAddress)
            #expect(entry.endReason == reasons[index], "session \(index)")
            #expect(entry.endedAt == (index == 4 ? session.expiresAt : end), "session \(index)")
            let row = try await database.identifiers(ofSession: session.id!)
            #expect(row.mac == nil && row.ip == nil, "session \(index) keeps an identifier")
            #expect(try await database.legalEntryClearColumns(sessionID: session.id!)?.endHour != nil)
        }
        let first = try #require(try await database.legalEntry(sessionID: sessions[0].id!))
        #expect(first.ipv6Addresses == [IPAddress("2001:db8::1")!, IPAddress("fe80::1")!])
        #expect(try await rowCount("legal_live_ipv6", in: database) == 0)
        // The replacing session is open, with its own entry, and still names its device.
        #expect(try await rowCount("legal_entry", in: database) == 6)
        #expect(try await database.identifiers(ofSession: sessions[4].id! + 1).mac == mac(4).description)
    }

    @Test func ipv6AddressesOfEndedOrUnknownSessionsAreIgnored() async throws {
        let database = try AppDatabase.inMemory(legalSealer: legalSealer())
        let session = try #require(try await database.admitted([visitor(1)]).first)
        _ = try await database.endSessions([SessionEnding(sessionID: session.id!, reason: .idle, endedAt: t0)])
        try await database.recordLegalIPv6([session.id!: [IPAddress("2001:db8::9")!], 999: [IPAddress("2001:db8::8")!]])
        #expect(try await rowCount("legal_live_ipv6", in: database) == 0)
    }

    @Test func theSchemaScrubsAnyEndedRowWhateverWritesIt() async throws {
        let database = try AppDatabase.inMemory()
        let session = try #require(try await database.admitted([visitor(1), visitor(2)]).first)
        try await database.write("test") { db in
            try db.execute("UPDATE session SET ended_at = started_at, end_reason = 'idle' WHERE id = \(session.id!)")
            try db.execute("UPDATE session SET ip = '192.0.2.1' WHERE id = \(session.id!)")
        }
        #expect(try await database.identifiers(ofSession: session.id!).ip == nil)
        // An open row must name its device.
        await #expect(throws: StoreError.self) {
            try await database.write("test") { db in try db.execute("UPDATE session SET mac = NULL WHERE ended_at IS NULL") }
        }
    }

    @Test func thePurgeTakesEndedEntriesOldestFirstInBoundedBatchesAndNeverOpenOnes() async throws {
        let database = try AppDatabase.inMemory(legalSealer: legalSealer())
        let sessions = try await database.admitted((1...6).map { visitor($0, startingAfter: Double($0) * 7200) })
        for (index, session) in sessions.prefix(5).enumerated() {
            _ = try await database.endSessions([
                SessionEnding(sessionID: session.id!, reason: .idle, endedAt: session.startedAt.addingTimeInterval(60)),
            ])
            #expect(try await database.legalEntry(sessionID: session.id!)?.endReason == .idle, "session \(index)")
        }
        // Sessions 1–3 ended in hours wholly before the cutoff; session 4 ended in the cutoff's hour.
        let cutoff = sessions[3].startedAt.addingTimeInterval(90)
        #expect(try await database.purgeLegalEntries(endedBefore: cutoff, limit: 2) == 2)
        #expect(try await database.legalEntry(sessionID: sessions[0].id!) == nil)
        #expect(try await database.legalEntry(sessionID: sessions[2].id!) != nil)
        #expect(try await database.purgeLegalEntries(endedBefore: cutoff, limit: 2) == 1)
        #expect(try await database.purgeLegalEntries(endedBefore: cutoff, limit: 2) == 0)
        #expect(try await database.purgeLegalEntries(endedBefore: .distantFuture, limit: 100) == 2)
        #expect(try await database.legalEntry(sessionID: sessions[5].id!) != nil)
    }

    @Test func afterRotationOldEntriesOpenAndAreSealedAgainUnderTheNewKey() async throws {
        let random = SystemRandomSource()
        let ring = LegalKeyRing.new(secret: random.bytes(32), at: t0)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var sessions: [Session] = []
        do {
            let database = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: ring))
            sessions = try await database.admitted([visitor(1), visitor(2)])
            #expect(try await database.legalKeyIDsInUse() == [1])
        }
        let rotated = ring.rotated(secret: random.bytes(32), at: t0)
        let database = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: rotated))
        _ = try await database.endSessions([SessionEnding(sessionID: sessions[0].id!, reason: .idle, endedAt: t0)])
        #expect(try await database.legalKeyIDsInUse() == [1, 2])
        #expect(try await database.legalEntry(sessionID: sessions[0].id!)?.endReason == .idle)
        #expect(try await database.legalEntry(sessionID: sessions[1].id!)?.mac == mac(2))
        #expect(try await database.legalEntryClearColumns(sessionID: sessions[0].id!)?.keyID == 2)
        // A ring without the old key cannot end the session opened under it: the store says so.
        let stranger = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: rotated.retiring(keeping: [])))
        let error = await #expect(throws: StoreError.self) {
            _ = try await stranger.endSessions([SessionEnding(sessionID: sessions[1].id!, reason: .idle, endedAt: t0)])
        }
        #expect(error?.code == .legalLog)
    }
}
