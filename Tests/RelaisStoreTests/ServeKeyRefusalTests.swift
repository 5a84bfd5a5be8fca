import Foundation
import Testing

/// Issue 9: without a usable key the daemon refuses to start, says why, and exits with a failure code;
/// it never runs without its log nor writes it in clear.
@Suite struct ServeKeyRefusalTests {
    static let root = LegalExportCommandTests.root

    /// Runs `relais serve` on a development config whose key directory is `prepare`d; returns its exit
    /// status and what it wrote to standard error.
    static func serve(_ prepare: (String) throws -> Void) throws -> (Int32, String) {
        let binary = root.appendingPathComponent(".build/debug/relais").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configPath = directory.path + "/relais.toml"
        let development = try String(contentsOf: root.appendingPathComponent("config/relais.dev.toml"), encoding: .utf8)
        try development.replacingOccurrences(of: "../.relais-dev", with: directory.path)
            .replacingOccurrences(of: "../captive-portal", with: root.appendingPathComponent("captive-portal").path)
            .replacingOccurrences(of: "port = 8080", with: "port = \(Int.random(in: 20_000...40_000))")
            .replacingOccurrences(of: "port = 8081", with: "port = \(Int.random(in: 40_001...60_000))")
            .write(toFile: configPath, atomically: true, encoding: .utf8)
        try prepare(directory.path + "/keys")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--config", configPath]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // A daemon that started anyway would never exit: stopped by its pid, and the test fails on status.
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Cancelled once the process is gone, so the pid (which may be reused) is never signalled.
        watchdog.cancel()
        return (process.terminationStatus, text)
    }

    @Test func aMissingKeyRingStopsTheDaemon() throws {
        let (status, errors) = try Self.serve { _ in }
        #expect(status != 0)
        #expect(errors.contains("legal-log.keyring") && errors.contains("relais keys init"))
    }

    @Test func aKeyRingOthersCanReadStopsTheDaemon() throws {
        let (status, errors) = try Self.serve { keys in
            try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: false)
            chmod(keys, 0o700)
            try Data("relais-keyring 1\ncurrent 1\nkey 1 2026-11-30T06:00:00Z \(String(repeating: "ab", count: 32))\n".utf8)
                .write(to: URL(fileURLWithPath: keys + "/legal-log.keyring"))
            chmod(keys + "/legal-log.keyring", 0o644)
        }
        #expect(status != 0)
        #expect(errors.contains("chmod 600"))
    }

    @Test func aMalformedKeyRingStopsTheDaemon() throws {
        let (status, errors) = try Self.serve { keys in
            try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: false)
            try Data("relais-keyring 1\ncurrent 1\n".utf8).write(to: URL(fileURLWithPath: keys + "/legal-log.keyring"))
            chmod(keys + "/legal-log.keyring", 0o600)
        }
        #expect(status != 0)
        #expect(errors.contains("no current key"))
    }
}
