import Foundation
import RelaisCrypto
import RelaisStore
import Testing

/// `relais agent …` run as the operator runs it: the built binary, a config file, the password on stdin.
@Suite struct AgentCommandTests {
    static func builtRelais() -> String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent(".build/debug/relais").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static func run(_ binary: String, _ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func addPasswdDisableList() async throws {
        let relais = try #require(Self.builtRelais(), "build the package first (swift build)")
        let folder = FileManager.default.temporaryDirectory.path + "/relais-agent-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = folder + "/relais.toml"
        try """
            [portal]
            listen_address = "127.0.0.1"
            port = 18080
            assets_directory = "\(StaffFixture.assetsDirectory)"
            [network]
            lan_interface = "lo"
            firewall = "none"
            [notice]
            controller_name = "Commune de Test"
            dpo_contact = "dpo@test.example"
            [store]
            database = "\(folder)/relais.sqlite"
            [control]
            socket = "\(folder)/control.sock"
            group = ""
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let secret = "une phrase de passe assez longue"
        let add = try Self.run(relais, ["agent", "add", "marie", "--name", "Marie Dupont", "--role", "Accueil", "--show-first-name",
                                        "--config", config], input: secret + "\n")
        #expect(add.status == 0, "\(add.output)")
        #expect(add.output.contains("les visiteurs voient : Marie"))
        #expect(!add.output.contains(secret))

        let again = try Self.run(relais, ["agent", "add", "marie", "--name", "Marie", "--role", "Accueil", "--config", config], input: secret + "\n")
        #expect(again.status != 0 && again.output.contains("existe déjà"))
        let short = try Self.run(relais, ["agent", "add", "paul", "--name", "Paul", "--role", "Accueil", "--config", config], input: "court\n")
        #expect(short.status != 0 && short.output.contains("trop court"))

        let database = try AppDatabase.open(path: folder + "/relais.sqlite", readers: 1)
        let stored = try #require(try await database.agentCredentials(login: "marie"))
        #expect(stored.passwordHash.hasPrefix("scrypt$15$8$1$"))
        let hasher = ScryptPasswordHasher(random: SystemRandomSource())
        #expect(hasher.verify(secret, against: stored.passwordHash))

        let newSecret = "une autre phrase de passe"
        #expect(try Self.run(relais, ["agent", "passwd", "marie", "--config", config], input: newSecret + "\n").status == 0)
        let changed = try #require(try await database.agentCredentials(login: "marie"))
        #expect(hasher.verify(newSecret, against: changed.passwordHash) && !hasher.verify(secret, against: changed.passwordHash))

        #expect(try Self.run(relais, ["agent", "disable", "marie", "--config", config]).status == 0)
        #expect(try Self.run(relais, ["agent", "disable", "nobody", "--config", config]).status != 0)
        let list = try Self.run(relais, ["agent", "list", "--config", config])
        #expect(list.output.contains("marie\tMarie Dupont\tAccueil\tvisiteurs : Marie\tdésactivé"))
    }
}
