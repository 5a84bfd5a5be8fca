import Foundation
import RelaisCore
import RelaisStore
import Testing

/// `relais directory import`, the built binary on a real database file: nothing imported while a row is
/// invalid, the good rows with `--skip-invalid`, each problem on standard error, the old directory kept.
@Suite struct DirectoryImportCommandTests {
    struct Run {
        var output: String
        var errors: String
        var status: Int32
    }

    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/lieux-mediation-numerique-vienne.csv").path

    static func run(_ binary: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(output: String(decoding: printed, as: UTF8.self), errors: String(decoding: complained, as: UTF8.self),
                   status: process.terminationStatus)
    }

    @Test func importsRefusesAndSkipsInvalidRows() async throws {
        let binary = try #require(RelaisDaemon.locateBinary(), "build relais first (swift build) or set RELAIS_BIN")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relais-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/relais.toml"
        try """
            [portal]
            assets_directory = "\(RelaisDaemon.assetsDirectory)"
            [network]
            lan_interface = "lo"
            firewall = "none"
            [store]
            database = "\(directory)/relais.sqlite"
            [control]
            socket = "\(directory)/control.sock"
            [notice]
            controller_name = "Commune de Test"
            dpo_contact = "dpo@test.example"
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let first = try Self.run(binary, ["directory", "import", Self.sample, "--config", config])
        #expect(first.status == 0 && first.output.contains("26 lieu(x) importé(s)"))

        let bad = directory + "/bad.csv"
        try """
            id,pivot,nom,commune,code_postal,adresse,date_maj,horaires
            a,21860194700013,Lieu A,Poitiers,86000,1 rue,2026-01-01,Mo-Fr 9h
            b,21860194700013,Lieu B,Poitiers,86000,2 rue,2026-01-01,Mo-Fr 09:00-12:00

            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try Self.run(binary, ["directory", "import", bad, "--config", config])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("ligne 2, horaires : « Mo-Fr 9h » illisible"))
        #expect(refused.errors.contains("(lieu « Lieu A »)") && refused.errors.contains("rien n'est importé"))
        #expect(try await AppDatabase.openReadOnly(path: directory + "/relais.sqlite").places().count == 26)

        let skipped = try Self.run(binary, ["directory", "import", bad, "--skip-invalid", "--config", config])
        #expect(skipped.status == 0 && skipped.errors.contains("ligne 2, horaires"))
        #expect(try await AppDatabase.openReadOnly(path: directory + "/relais.sqlite").places().map(\.id) == ["b"])

        let unreadable = try Self.run(binary, ["directory", "import", directory + "/absent.csv", "--config", config])
        #expect(unreadable.status == 1)
        #expect(try await AppDatabase.openReadOnly(path: directory + "/relais.sqlite").places().map(\.id) == ["b"])
    }
}
