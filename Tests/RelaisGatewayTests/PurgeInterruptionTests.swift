import Foundation
import Glibc
import RelaisCore
@testable import RelaisStore
import Testing

/// A purge killed with SIGKILL in the middle leaves the database consistent, and running it again is safe.
@Suite struct PurgeInterruptionTests {
    static var binary: String? {
        if let path = ProcessInfo.processInfo.environment["RELAIS_BIN"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent(".build/debug/relais").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @Test func aPurgeKilledMidwayLeavesTheStoreConsistentAndARerunFinishesIt() async throws {
        guard let binary = Self.binary else {
            print("skipped: the relais executable is not built (swift build, or set RELAIS_BIN)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.path + "/relais-purge-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let databasePath = directory + "/relais.sqlite"
        try """
            [store]
            database = "\(databasePath)"
            [network]
            lan_interface = "lo"
            firewall = "none"
            [log]
            level = "error"
            [notice]
            controller_name = "Commune de test"
            dpo_contact = "dpo@test.example"
            """.write(toFile: directory + "/relais.toml", atomically: true, encoding: .utf8)

        // Ended sessions ten days old (past retention) and live ones, dated by the real clock, which the
        // child process reads.
        let ended = 20_000, live = 50
        let tenDaysAgo = Date().addingTimeInterval(-10 * 86_400)
        do {
            let database = try AppDatabase.open(path: databasePath)
            let sessions = (0..<ended + live).map { n in
                Session.open(mac: MACAddress(rawValue: 0x0200_0000_0000 | UInt64(n)), ipAddress: nil, origin: .portal, termsVersion: "v1",
                             limits: SessionLimits(sessionSeconds: 20 * 86_400, idleSeconds: 600), now: tenDaysAgo)
            }
            let admitted = try await database.admit(sessions.map(Admission.init(session:)), capacity: ended + live).compactMap(\.session)
            _ = try await database.endSessions(admitted.prefix(ended).map { SessionEnding(sessionID: $0.id!, reason: .idle, endedAt: tenDaysAgo.addingTimeInterval(60)) })
        }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: binary)
        child.arguments = ["purge", "--config", directory + "/relais.toml", "--batch-size", "10"]
        try child.run()
        let reader = try AppDatabase.openReadOnly(path: databasePath)
        // Wait until some batches are committed, then kill the child by its pid.
        var endedLeft = ended
        while endedLeft == ended, child.isRunning {
            usleep(5_000)
            endedLeft = try await reader.countEndedSessions(endedBefore: Date())
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal, "the purge ended before it could be killed: make the table larger")

        let database = try AppDatabase.open(path: databasePath)
        let check = try database.withConnection { db in
            (try db.text("PRAGMA integrity_check"),
             try db.integer("SELECT open FROM session_open_count"),
             try db.integer("SELECT COUNT(*) FROM session WHERE ended_at IS NULL"),
             try db.integer("SELECT COUNT(*) FROM session WHERE ended_at IS NOT NULL"))
        }
        #expect(check.0 == "ok")
        #expect(check.1 == Int64(live) && check.2 == Int64(live))
        let afterKill = Int(check.3 ?? -1)
        #expect(afterKill > 0 && afterKill < ended, "some batches done, some left (\(afterKill))")
        #expect(afterKill % 10 == 0, "only whole batches are committed")

        // The rerun finishes the job and touches no live session.
        #expect(try await database.purgeEndedSessions(endedBefore: Date().addingTimeInterval(-86_400), batchSize: 500) == afterKill)
        #expect(try await database.countEndedSessions(endedBefore: Date()) == 0)
        #expect(try await database.liveSessions(at: Date()).count == live)
    }
}
