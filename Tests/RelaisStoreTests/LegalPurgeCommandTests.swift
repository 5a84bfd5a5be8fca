import Foundation
import Glibc
import RelaisCore
import RelaisCrypto
import Testing
@testable import RelaisStore

/// The real `relais purge` on the legal log: killed with SIGKILL (by its pid) in the middle of a year's
/// expired entries, it leaves the database consistent with only whole batches gone, the entries still in
/// their year untouched and readable, and running it again finishes the job.
@Suite struct LegalPurgeCommandTests {
    /// Runs once the legal log's purge step is registered in the one purge job (`AppDatabase.purgeSteps(in:)`).
    static var legalLogPurgeRegistered: Bool {
        guard let directory = try? TemporaryDirectory() else { return false }
        defer { directory.remove() }
        guard let database = try? AppDatabase.open(path: directory.databasePath) else { return false }
        return database.purgeSteps(in: .utc).contains { $0.category == .legalLog }
    }

    @Test(.enabled(if: LegalPurgeCommandTests.legalLogPurgeRegistered, "the legal log's purge step is not registered in AppDatabase.purgeSteps(in:)"))
    func aPurgeKilledMidwayLeavesTheLogConsistentAndARerunFinishesIt() async throws {
        let binary = LegalExportCommandTests.root.appendingPathComponent(".build/debug/relais").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = KeyDirectory(path: directory.path + "/keys")
        _ = try keys.initialize(random: { SystemRandomSource().bytes($0) }, now: t0)
        let configPath = directory.path + "/relais.toml"
        let development = try String(contentsOf: LegalExportCommandTests.root.appendingPathComponent("config/relais.dev.toml"), encoding: .utf8)
        try development.replacingOccurrences(of: "../.relais-dev", with: directory.path)
            .replacingOccurrences(of: "../captive-portal", with: LegalExportCommandTests.root.appendingPathComponent("captive-portal").path)
            .write(toFile: configPath, atomically: true, encoding: .utf8)

        // Dated by the real clock, which the child reads: sessions ended 400 days ago (past the year), ten
        // days ago (kept) and still open (kept).
        let expired = 30_000, recent = 40, open = 10
        let now = Date()
        func entry(_ n: Int, start: Date, ended: Bool) -> LegalEntry {
            LegalEntry(mac: MACAddress(rawValue: 0x0200_0000_0000 | UInt64(n)), privateIPv4: IPAddress("10.99.\(n / 250 % 250).\(n % 250 + 2)"),
                       ipv6Addresses: [], publicAddress: IPAddress("198.51.100.1"), portRange: 1024...1279, natMode: .portBlocks,
                       startedAt: start, endedAt: ended ? start.addingTimeInterval(1_800) : nil, endReason: ended ? .idle : nil)
        }
        do {
            let database = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: try keys.legalKeyRing()))
            let old = now.addingTimeInterval(-400 * 86_400)
            try await database.insertLegalEntries((0..<expired).map { n in (entry(n, start: old.addingTimeInterval(Double(n)), ended: true), Int64(n + 1)) })
            try await database.insertLegalEntries((0..<recent).map { n in
                (entry(expired + n, start: now.addingTimeInterval(-10 * 86_400), ended: true), Int64(expired + n + 1))
            })
            try await database.insertLegalEntries((0..<open).map { n in
                (entry(expired + recent + n, start: now.addingTimeInterval(-600), ended: false), Int64(expired + recent + n + 1))
            })
        }
        let expiredLeft = { try Self.count(directory.databasePath, "end_hour IS NOT NULL AND end_hour < \(LegalHourBucket.of(now) - 300 * 24)") }
        #expect(try expiredLeft() == Int64(expired))

        let child = Process()
        child.executableURL = URL(fileURLWithPath: binary)
        child.arguments = ["purge", "--config", configPath, "--batch-size", "10"]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        // Some batches committed, then SIGKILL by its pid.
        var left = Int64(expired)
        while left == Int64(expired), child.isRunning {
            usleep(5_000)
            left = (try? expiredLeft()) ?? left
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal, "the purge ended before it could be killed: make the log larger")

        #expect(try LegalExportCommandTests.integrity(directory.databasePath) == "ok")
        let afterKill = try expiredLeft()
        #expect(afterKill > 0 && afterKill < Int64(expired), "some batches done, some left (\(afterKill))")
        #expect((Int64(expired) - afterKill) % 10 == 0, "only whole batches are committed")
        #expect(try Self.count(directory.databasePath, "end_hour IS NULL OR end_hour >= \(LegalHourBucket.of(now) - 300 * 24)") == Int64(recent + open))

        // The rerun finishes the job and keeps every entry still in its year, readable with the key.
        let rerun = Process()
        rerun.executableURL = URL(fileURLWithPath: binary)
        rerun.arguments = ["purge", "--config", configPath]
        rerun.standardOutput = FileHandle.nullDevice
        rerun.standardError = FileHandle.nullDevice
        try rerun.run()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        #expect(try expiredLeft() == 0)
        let database = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: try keys.legalKeyRing()))
        for sessionID in Int64(expired + 1)...Int64(expired + recent + open) {
            #expect(try await database.legalEntry(sessionID: sessionID)?.publicAddress == IPAddress("198.51.100.1"))
        }
    }

    static func count(_ path: String, _ condition: String) throws -> Int64 {
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        return try connection.fetchAll("SELECT count(*) FROM legal_entry WHERE \(condition)") { $0.int64(at: 0) }.first.flatMap { $0 } ?? -1
    }
}
