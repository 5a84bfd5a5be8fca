import Foundation
import RelaisCore
import RelaisCrypto
import RelaisGateway
@testable import RelaisStore
import RelaisTesting
import Testing

/// Time travel over the retention table: rows of every category are created, the clock moves past each
/// retention in turn, and each purge removes exactly the rows past their retention and nothing else.
///
/// To extend: add a `Category` (how to count its rows, purgeable and to keep, and when they are due)
/// for each category whose purge step is registered in `AppDatabase.purgeSteps(in:)`; the test fails
/// while a registered step is not travelled.
@Suite struct RetentionTimeTravelTests {
    struct Category {
        var id: RetentionCategory.ID
        /// Seconds after the start when this category's rows are past retention.
        var dueAfter: TimeInterval
        /// Rows that must stay whatever the clock (live sessions, open check-ins, pending reports): counted apart.
        var count: @Sendable (AppDatabase) async throws -> (purgeable: Int, kept: Int)
    }

    static let shown = NoticeShown(version: String(repeating: "c", count: 64), textSHA256: String(repeating: "d", count: 64))

    static func rows(_ database: AppDatabase, _ sql: String) throws -> Int {
        Int(try database.withConnection { try $0.integer(sql) } ?? 0)
    }

    @Test func eachPurgeRemovesExactlyWhatIsPastItsRetention() async throws {
        let clock = ManualClock()
        let start = clock.now
        let random = SystemRandomSource()
        let sealer = KeyRingSealer(ring: .new(secret: try random.randomBytes(32), at: start))
        let database = try AppDatabase.temporary(legalSealer: sealer)
        let consent = GatewayConsent(
            store: database, hasher: DeviceHasher(authenticator: try HMACSHA256Authenticator(key: try random.randomBytes(32))),
            policy: ConsentSettings(rememberDays: 30, extraPurposes: []).policy)
        let rig = try UsageRig(database: database, clock: clock, consent: consent)
        try await rig.gateway.start()
        for n in 1...6 {
            if n == 1 || n == 5 {  // remembered: one session ends, one stays live; the consents go at their expiry alike
                rig.neighbours.set(IPAddress(stringLiteral: "192.0.2.\(n)"), MACAddress(rawValue: 0x02_00_00_00_00_00 | UInt64(n)))
                _ = await rig.gateway.acceptTerms(
                    ipAddress: IPAddress(stringLiteral: "192.0.2.\(n)"), termsVersion: Self.shown.version,
                    consent: ConsentChoice(ticked: [ConsentPurpose.rememberDeviceID], notice: Self.shown))
            } else {
                await rig.accept(n)
            }
        }
        try await seedStaffAndStatistics(database, at: start, sealer: sealer)
        rig.clock.advance(by: 600)
        for n in 1...4 { _ = await rig.logout(n) }  // 4 ended, 2 live
        await rig.usage.flush()
        let endedAt = rig.clock.now

        // The usage rows are dated by their local day; they go once the cutoff passes the end of that day.
        let usageDay = paris.localDate(at: start)
        let usageDue = paris.startOfDay(usageDay.adding(days: 1)).addingTimeInterval(Double(RetentionPolicy.usageAggregateDays) * 86_400)
            .timeIntervalSince(start)
        // Legal entries go by the hour bucket of their end: once the cutoff has left that hour.
        let legalDue = Date(timeIntervalSince1970: Double(LegalHourBucket.of(endedAt) + 1) * 3600)
            .addingTimeInterval(Double(RetentionPolicy.legalLogDays) * 86_400).timeIntervalSince(start)
        let day = 86_400.0
        let categories = [
            Category(id: .sessions, dueAfter: endedAt.timeIntervalSince(start) + Double(RetentionPolicy.endedSessionDays) * day) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM session WHERE ended_at IS NOT NULL"),
                 try Self.rows(db, "SELECT COUNT(*) FROM session WHERE ended_at IS NULL"))
            },
            Category(id: .legalLog, dueAfter: legalDue) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM legal_entry WHERE end_hour IS NOT NULL"),
                 try Self.rows(db, "SELECT COUNT(*) FROM legal_entry WHERE end_hour IS NULL"))
            },
            Category(id: .legalExportAudit, dueAfter: Double(RetentionPolicy.legalExportAuditDays) * day) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM legal_export_audit"), 0)
            },
            // Each consent is two rows: the record and its remembered device (keyed hash).
            Category(id: .consents, dueAfter: ConsentPolicy.expiry(days: 30, from: start).timeIntervalSince(start)) { db in
                (try Self.rows(db, "SELECT (SELECT COUNT(*) FROM consent) + (SELECT COUNT(*) FROM remembered_device)"), 0)
            },
            Category(id: .helpRequests, dueAfter: paris.startOfDay(usageDay.adding(days: 1)).timeIntervalSince(start)) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM help_request"), 0)
            },
            Category(id: .agentSignInAttempts, dueAfter: Double(RetentionPolicy.agentSignInFailureDays) * day) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM agent_sign_in_failure"), 0)
            },
            Category(id: .agentSessions, dueAfter: Self.staffSessionHours * 3600) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM staff_session"), 0)
            },
            Category(id: .checkIns, dueAfter: Double(RetentionPolicy.checkInDays) * day) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM check_in WHERE ended_at IS NOT NULL"),
                 try Self.rows(db, "SELECT COUNT(*) FROM check_in WHERE ended_at IS NULL"))
            },
            Category(id: .usageAggregates, dueAfter: usageDue) { db in
                (try await db.usage(from: usageDay.adding(days: -1), through: usageDay.adding(days: 1)).count, 0)
            },
            Category(id: .statisticsOutbox, dueAfter: Double(RetentionPolicy.outboxDays) * day) { db in
                (try Self.rows(db, "SELECT COUNT(*) FROM outbox WHERE state <> 'pending'"),
                 try Self.rows(db, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"))
            },
        ]
        let job = PurgeJob(steps: rig.database.purgeSteps(in: paris), clocks: rig.clock,
                           plausibility: ClockPlausibility(latestRecorded: endedAt), batchSize: 2, logger: rig.logs.logger())
        #expect(job.steps.map(\.category).sorted() == categories.map(\.id).sorted(), "every registered step is travelled")
        let personal = RetentionPolicy.categories.filter { $0.retention != .notPersonalData }.map(\.id)
        #expect(job.steps.map(\.category).sorted() == personal.sorted(), "every category with rows has its step")
        let ordered = categories.sorted { $0.dueAfter < $1.dueAfter }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) {
            #expect(later.dueAfter - earlier.dueAfter > 120, "\(earlier.id) and \(later.id) are due too close to tell apart")
        }

        var before: [RetentionCategory.ID: (purgeable: Int, kept: Int)] = [:]
        for category in categories { before[category.id] = try await category.count(rig.database) }
        #expect(before[.sessions]! == (4, 2))
        #expect(before[.legalLog]! == (4, 2))
        #expect(before[.consents]! == (4, 0))
        #expect(before[.checkIns]! == (1, 1))
        #expect(before[.statisticsOutbox]! == (1, 1))
        for category in categories { #expect(before[category.id]!.purgeable > 0, "\(category.id) has rows to travel") }
        let dryRun = Dictionary(uniqueKeysWithValues: try await job.dryRun().map { ($0.category, $0.rows) })

        for (index, category) in ordered.enumerated() {
            // Just before: nothing of it goes.
            rig.clock.advance(by: start.addingTimeInterval(category.dueAfter - 60).timeIntervalSince(rig.clock.now))
            let early = await job.run()
            #expect(early.removed[category.id] == 0, "\(category.id) purged before its time")
            // Just after: the dry run counts all of it, the run removes all of it, and nothing of the categories not yet due.
            rig.clock.advance(by: 120)
            let counted = Dictionary(uniqueKeysWithValues: try await job.dryRun().map { ($0.category, $0.rows) })
            #expect(counted[category.id] == before[category.id]!.purgeable, "\(category.id): dry run")
            let report = await job.run()
            #expect(report.failed.isEmpty)
            #expect(report.removed[category.id] == before[category.id]!.purgeable, "\(category.id)")
            for other in categories {
                let now = try await other.count(rig.database)
                let due = ordered.prefix(index + 1).contains { $0.id == other.id }
                #expect(now.purgeable == (due ? 0 : before[other.id]!.purgeable), "\(other.id) after \(category.id)'s retention")
                #expect(now.kept == before[other.id]!.kept, "\(other.id): rows to keep were purged")
            }
        }
        #expect(dryRun.values.allSatisfy { $0 == 0 }, "nothing due at the start")
        // Live sessions are still live, in the store and the firewall.
        #expect(rig.gateway.directory.count == 2)
    }

    static let staffSessionHours = 8.0

    /// One help request, one sign-in failure, a signed-in agent, an ended and an open check-in, an acknowledged
    /// and a pending report, and the audit of one export: all at `start`.
    func seedStaffAndStatistics(_ database: AppDatabase, at start: Date, sealer: KeyRingSealer) async throws {
        _ = try await database.addHelpRequest(topic: .caf, seat: "poste 2", tokenDigest: Array(repeating: 7, count: 32), at: start)
        let hash = "scrypt$16384$8$1$c2FsdA==$aGFzaA=="
        let agent = try await database.addAgent(
            NewAgent(login: "ines", displayName: "Inès", role: "Accueil", showsFirstName: true), passwordHash: hash, at: start)
        let other = try await database.addAgent(
            NewAgent(login: "marc", displayName: "Marc", role: "Conseiller numérique", showsFirstName: false), passwordHash: hash, at: start)
        try await database.recordSignInFailure(agentID: agent.id, address: "192.168.1.20", at: start)
        try await database.openStaffSession(tokenHash: Array(repeating: 9, count: 32), agentID: agent.id, at: start,
                                            expiresAt: start.addingTimeInterval(Self.staffSessionHours * 3600))
        _ = try await database.checkIn(agentID: agent.id, at: start)
        _ = try await database.checkOut(agentID: agent.id, at: start.addingTimeInterval(3600))
        _ = try await database.checkIn(agentID: other.id, at: start)  // still on duty: kept
        for (n, acknowledged) in [(1, true), (2, false)] {
            let item = OutboxItem(reportID: "box-1.daily.\(n)", kind: .dailyReport, period: paris.localDate(at: start).adding(days: -n),
                                  body: Array("{}".utf8), signature: Array(repeating: 1, count: 64), createdAt: start)
            _ = try await database.enqueue(item)
            if acknowledged { try await database.markAcknowledged(item.reportID, at: start, status: 200) }
        }
        let audit = try await database.beginLegalExport(AppDatabase.LegalExportAudit(
            startedAt: start, uid: 0, userName: "root", reference: "PV 2026/123",
            selection: LegalExportSelection(from: start.addingTimeInterval(-3600), to: start)), sealer: sealer)
        try await database.finishLegalExport(audit, count: 0, at: start)
    }
}
