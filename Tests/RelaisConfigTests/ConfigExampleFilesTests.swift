import Foundation
import RelaisConfig
import RelaisCore
import Testing

/// The files shipped in `config/` load cleanly and say what they mean to say.
@Suite struct ConfigExampleFilesTests {
    static let configFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config")

    func load(_ name: String, directory: String) throws -> RelaisConfig {
        let text = try String(contentsOf: Self.configFolder.appendingPathComponent(name), encoding: .utf8)
        switch RelaisConfigLoader.load(fileName: name, text: text, directory: directory) {
        case .success(let config): return config
        case .failure(let issues): throw issues
        }
    }

    @Test func exampleEqualsTheDefaultsExceptTheVenueName() throws {
        let config = try load("relais.toml", directory: "/etc/relais")
        var expected = RelaisConfig.defaults
        expected.portal.venueName = "Wifi public de la médiathèque"
        // The notice's controller and DPO have no default: the example fills them in.
        expected.notice = NoticeSettings(
            controllerName: "Commune de Chasseneuil-du-Poitou",
            controllerAddress: "Place de la République, 86360 Chasseneuil-du-Poitou", dpoContact: "dpo@mairie.example.fr")
        // The example shows the box's position (Poitiers); by default there is none.
        expected.site.latitude = 46.5802
        expected.site.longitude = 0.3404
        #expect(config == expected)
    }

    @Test func exampleWritesEveryKey() throws {
        let text = try String(contentsOf: Self.configFolder.appendingPathComponent("relais.toml"), encoding: .utf8)
        let document = TOMLSubsetParser.parse(text).document
        let written = document.sections.flatMap { section in section.entries.map { "\(section.name).\($0.key)" } }
        // The file loads without unknown keys, so 54 distinct names are all 54 keys of its fixed sections ([consent-NAME] ones are optional).
        #expect(written.count == 54)
        #expect(Set(written).count == written.count)
    }

    @Test func developmentConfigPointsIntoTheRepository() throws {
        let folder = Self.configFolder.path
        let root = Self.configFolder.deletingLastPathComponent().path
        let config = try load("relais.dev.toml", directory: folder)
        #expect(config.network.firewall == .none)
        #expect(config.portal.listenAddress == "127.0.0.1")
        #expect(config.portal.port == 8080)
        #expect(config.portal.host == "127.0.0.1")
        #expect(config.portal.assetsDirectory == root + "/captive-portal")
        #expect(config.store.databasePath == root + "/.relais-dev/relais.sqlite")
        #expect(config.control.socketPath == root + "/.relais-dev/control.sock")
        #expect(config.control.group == "")
        #expect(config.legal.keyDirectory == root + "/.relais-dev/keys")
    }

    /// The shape the end-to-end test writes: short sessions and a one-second sweep must stay valid.
    @Test func endToEndShapeLoads() {
        let text = """
        [portal]
        listen_address = "0.0.0.0"
        port = 2050
        host = "192.0.2.1"
        venue_name = "Médiathèque de test"
        assets_directory = "/tmp/relais-e2e/captive-portal"
        [network]
        lan_interface = "lan0"
        firewall = "nftables"
        table = "relais"
        sweep_seconds = 1
        [session]
        duration = "4s"
        idle_timeout = "4s"
        [store]
        database = "/tmp/relais-e2e/relais.sqlite"
        [control]
        socket = "/tmp/relais-e2e/control.sock"
        group = ""
        [log]
        level = "debug"
        """
        #expect(configIssues(text).isEmpty)
    }
}
