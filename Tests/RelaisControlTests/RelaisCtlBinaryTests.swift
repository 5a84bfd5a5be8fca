import Foundation
import Testing

/// `relais-ctl` is `relais ctl` in a small binary: both built executables, run against one real control
/// server, must print the same bytes and exit with the same codes. `relais-ctl` serves the common batch
/// form without ArgumentParser (`QuickCall`), `relais ctl` always parses: these runs compare the two paths.
@Suite struct RelaisCtlBinaryTests {
    /// What one run of a client printed and how it ended.
    struct Run: Equatable, Sendable {
        var output: String
        var errors: String
        var status: Int32
    }

    /// Arguments after `--socket`, and the exit code `relais ctl` gives for them.
    static let calls: [([String], Int32)] = [
        (["--help"], 0),
        (["status"], 0),
        (["clients", "--json"], 0),
        (["auth", "02:00:00:00:00:01"], 0),
        (["deauth", "02:00:00:00:00:01", "02:00:00:00:00:02"], 0),
        (["block", "02:00:00:00:00:01", "02:00:00:00:00:02"], 1),
        (["unblock", "02:00:00:00:00:01"], 1),
        (["auth", "zz"], 65),
        (["auth", "02:00:00:00:00:01", "zz"], 65),
        (["auth", "-"], 65),
        (["auth", "--stdin"], 65),
        (["auth", "02:00:00:00:00:01", "--help"], 0),
        (["nonsense"], 64),
    ]

    @Test(arguments: calls)
    func bothClientsAnswerAlike(arguments: [String], status: Int32) async throws {
        let relais = try #require(Self.builtExecutable("relais"), "build the package first (swift build)")
        let relaisCtl = try #require(Self.builtExecutable("relais-ctl"), "build the package first (swift build)")
        try await withTemporaryDirectory { directory in
            let server = try startedServer(in: directory)
            defer { server.stop() }
            let socket = ["--socket", server.socketPath]
            let viaRelais = try await offPool { try Self.run(relais, ["ctl"] + socket + arguments) }
            let viaRelaisCtl = try await offPool { try Self.run(relaisCtl, socket + arguments) }
            #expect(viaRelais.status == status)
            #expect(!(viaRelais.output + viaRelais.errors).isEmpty)
            #expect(viaRelaisCtl == viaRelais)
        }
    }

    @Test func bothSayTheDaemonIsUnreachable() async throws {
        let relais = try #require(Self.builtExecutable("relais"), "build the package first (swift build)")
        let relaisCtl = try #require(Self.builtExecutable("relais-ctl"), "build the package first (swift build)")
        try await withTemporaryDirectory { directory in
            let socket = ["--socket", directory + "/absent.sock", "auth", "02:00:00:00:00:01"]
            let viaRelais = try await offPool { try Self.run(relais, ["ctl"] + socket) }
            let viaRelaisCtl = try await offPool { try Self.run(relaisCtl, socket) }
            #expect(viaRelais.status == 69)
            #expect(viaRelaisCtl == viaRelais)
        }
    }

    /// The package's debug build of `name`, which `swift build --build-tests` makes beside the tests.
    static func builtExecutable(_ name: String) -> String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent(".build/debug/\(name)").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Standard error is small; reading standard output to its end first cannot deadlock.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            output: String(decoding: printed, as: UTF8.self), errors: String(decoding: complained, as: UTF8.self),
            status: process.terminationStatus)
    }
}
