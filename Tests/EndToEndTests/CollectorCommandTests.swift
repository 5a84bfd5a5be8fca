import Foundation
import Testing

/// `relais collector box add|list|revoke`, `export` and `check-config` on a collector file: the built binary on a
/// real database file.
@Suite struct CollectorCommandTests {
    @Test func registersListsRevokesAndExports() throws {
        let binary = try #require(RelaisDaemon.locateBinary(), "build relais first (swift build) or set RELAIS_BIN")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relais-collector-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/collector.toml"
        try "[collector]\nlisten_address = \"127.0.0.1\"\nport = 18443\ndatabase = \"\(directory)/collector.sqlite\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> DirectoryImportCommandTests.Run {
            try DirectoryImportCommandTests.run(binary, arguments)
        }
        let key = Data(repeating: 7, count: 32).base64EncodedString()
        let add = ["collector", "box", "add", "--config", config, "--id", "mairie-test", "--site", "Médiathèque", "--commune", "Lannion",
                   "--insee", "22113", "--epci", "Lannion-Trégor Communauté", "--lat", "48.73", "--lon", "-3.46", "--public-key", key]

        #expect(try run(["check-config", config]).status == 0)
        #expect(try run(add).status == 0)
        #expect(try run(add).status != 0)
        #expect(try run(Array(add.dropLast()) + ["c2hvcnQ="]).status != 0)
        let listed = try run(["collector", "box", "list", "--config", config])
        #expect(listed.output == "mairie-test\tMédiathèque\tLannion\t22113\tLannion-Trégor Communauté\t48.73\t-3.46\t\(key)\tactif\n")
        #expect(try run(["collector", "box", "revoke", "--config", config, "mairie-test"]).status == 0)
        #expect(try run(["collector", "box", "revoke", "--config", config, "mairie-test"]).status != 0)
        #expect(try run(["collector", "box", "list", "--config", config]).output.contains("\trévoqué le "))
        let export = try run(["collector", "export", "--config", config, "--from", "2026-11-01", "--to", "2026-11-30"])
        #expect(export.status == 0)
        #expect(export.output == "date,weekday,box_id,site,commune,insee_code,epci,table,row,hour,value\r\n")
    }

    @Test func checkConfigRefusesACollectorWithoutTLSOffLoopback() throws {
        let binary = try #require(RelaisDaemon.locateBinary(), "build relais first (swift build) or set RELAIS_BIN")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("relais-collector-\(UUID().uuidString).toml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "[collector]\nlisten_address = \"0.0.0.0\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try DirectoryImportCommandTests.run(binary, ["check-config", file])
        #expect(result.status != 0)
        #expect(result.errors.contains("collector.tls_certificate"))
    }
}
