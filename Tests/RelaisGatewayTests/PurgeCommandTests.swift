import Foundation
import RelaisCore
import Testing

/// `relais purge --dry-run` through the built binary: one line per category of the retention table, each
/// with its purge registered and counted.
@Suite struct PurgeCommandTests {
    @Test func theDryRunCountsEveryCategoryWithPersonalData() throws {
        guard let binary = PurgeInterruptionTests.binary else {
            print("skipped: the relais executable is not built (swift build, or set RELAIS_BIN)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.path + "/relais-purge-dry-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            [store]
            database = "\(directory)/relais.sqlite"
            [network]
            lan_interface = "lo"
            firewall = "none"
            [notice]
            controller_name = "Commune de test"
            dpo_contact = "dpo@test.example"
            """.write(toFile: directory + "/relais.toml", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["purge", "--dry-run", "--config", directory + "/relais.toml"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(lines.map { String($0.prefix { $0 != ":" }) } == RetentionCategory.ID.allCases.map(\.rawValue))
        for category in RetentionPolicy.categories {
            let line = lines.first { $0.hasPrefix(category.id.rawValue + ":") } ?? ""
            let expected = category.retention == .notPersonalData ? "pas de données personnelles" : "0 ligne(s) à supprimer"
            #expect(line.contains(expected), "\(line)")
        }
    }
}
