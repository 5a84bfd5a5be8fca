import Foundation
import RelaisCore
import RelaisCrypto
import Testing
@testable import RelaisStore

/// The real `relais legal export`: a requisition answered, and a crash during an export (kill -9, by its
/// pid) that leaves the database consistent, with the audit of the interrupted export, and a rerun that works.
@Suite struct LegalExportCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aKilledExportLeavesTheDatabaseConsistentAndARerunWorks() async throws {
        let binary = Self.root.appendingPathComponent(".build/debug/relais").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = KeyDirectory(path: directory.path + "/keys")
        _ = try keys.initialize(random: { SystemRandomSource().bytes($0) }, now: t0)
        let configPath = directory.path + "/relais.toml"
        let development = try String(contentsOf: Self.root.appendingPathComponent("config/relais.dev.toml"), encoding: .utf8)
        try development.replacingOccurrences(of: "../.relais-dev", with: directory.path)
            .replacingOccurrences(of: "../captive-portal", with: Self.root.appendingPathComponent("captive-portal").path)
            .write(toFile: configPath, atomically: true, encoding: .utf8)

        let count = 20_000
        do {
            let database = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: try keys.legalKeyRing()))
            try await database.insertLegalEntries((0..<count).map { n in
                (AppDatabaseLegalExportTests.entry(n % 24), Int64(n + 1))
            })
        }
        let arguments = ["legal", "export", "--config", configPath, "--from", "2025-06-15T00:00:00Z", "--to", "2025-06-17T00:00:00Z",
                         "--reference", "PV crash", "--batch-size", "100"]
        // Nobody reads its output: once the pipe is full the export waits in write(2), mid-stream.
        let stalled = Process()
        stalled.executableURL = URL(fileURLWithPath: binary)
        stalled.arguments = arguments
        let unread = Pipe()
        stalled.standardOutput = unread
        stalled.standardError = FileHandle.nullDevice
        try stalled.run()
        let auditFile = directory.databasePath
        let started = await Self.eventually { (try? Self.auditRows(auditFile).count) == 1 }
        #expect(started)
        // The pipe holds 64 KiB; the export has 3 MB to write. Give it time to fill the pipe.
        try await Task.sleep(for: .milliseconds(300))
        #expect(stalled.isRunning)
        kill(stalled.processIdentifier, SIGKILL)
        stalled.waitUntilExit()
        #expect(stalled.terminationReason == .uncaughtSignal)

        #expect(try Self.integrity(directory.databasePath) == "ok")
        #expect(try Self.auditRows(directory.databasePath) == [nil])

        let rerun = Process()
        rerun.executableURL = URL(fileURLWithPath: binary)
        rerun.arguments = arguments
        let output = Pipe()
        rerun.standardOutput = output
        rerun.standardError = FileHandle.nullDevice
        try rerun.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == count + 1)
        #expect(try Self.auditRows(directory.databasePath) == [nil, Int64(count)])
    }

    /// A requisition through the real command: (public port, time) gives exactly the device whose block
    /// held that port then, as JSON.
    @Test func aRequisitionByPublicPortAndTimeGivesTheDeviceInJSON() async throws {
        let binary = Self.root.appendingPathComponent(".build/debug/relais").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keys = KeyDirectory(path: directory.path + "/keys")
        _ = try keys.initialize(random: { SystemRandomSource().bytes($0) }, now: t0)
        let configPath = directory.path + "/relais.toml"
        let development = try String(contentsOf: Self.root.appendingPathComponent("config/relais.dev.toml"), encoding: .utf8)
        try development.replacingOccurrences(of: "../.relais-dev", with: directory.path)
            .replacingOccurrences(of: "../captive-portal", with: Self.root.appendingPathComponent("captive-portal").path)
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        do {
            let database = try AppDatabase.open(path: directory.databasePath, legalSealer: KeyRingSealer(ring: try keys.legalKeyRing()))
            try await database.insertLegalEntries((0..<16).map { (AppDatabaseLegalExportTests.entry($0), Int64(100 + $0)) })
        }
        // Device 9's block is 1536–2047 (device 1 had it eight hours earlier); t0 + 9 h 10 min is inside its session.
        let at = t0.addingTimeInterval(9 * 3600 + 600).formatted(.iso8601)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["legal", "export", "--config", configPath, "--from", at, "--to", at, "--public-port", "1600",
                             "--reference", "PV 2026/118", "--format", "json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["session_id"] as? Int == 109)
        #expect(rows.first?["mac"] as? String == mac(9).description)
        #expect(rows.first?["private_ipv4"] as? String == "10.99.0.11")
        #expect(rows.first?["port_first"] as? Int == 1536)
        #expect(rows.first?["nat_mode"] as? String == "port-blocks")
        #expect(try Self.auditRows(directory.databasePath) == [1])
    }

    static func auditRows(_ path: String) throws -> [Int64?] {
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        return try connection.fetchAll("SELECT entry_count FROM legal_export_audit ORDER BY id") { $0.int64(at: 0) }
    }

    static func integrity(_ path: String) throws -> String? {
        try SQLiteConnection(path: path, mode: .readOnly).text("PRAGMA integrity_check")
    }

    static func eventually(_ condition: @Sendable () -> Bool) async -> Bool {
        for _ in 0..<3_000 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
