import Foundation
import RelaisConfig
import Testing

@Suite struct CollectorConfigLoaderTests {
    @Test func readsTheExampleFile() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config").standardizedFileURL
        let text = try String(contentsOf: folder.appendingPathComponent("collector.toml"), encoding: .utf8)
        #expect(CollectorConfigLoader.isCollectorFile(text))
        let result = CollectorConfigLoader.check(fileName: "collector.toml", text: text, directory: "/etc/relais-collector")
        #expect(result.errors.isEmpty)
        #expect(result.config?.port == 8443)
        #expect(result.config?.tlsKey == "/etc/relais-collector/collector.key")
    }

    @Test func requiresTLSUnlessOnLoopback() {
        let open = CollectorConfigLoader.check(fileName: "c.toml", text: "[collector]\nlisten_address = \"0.0.0.0\"\n", directory: "/etc")
        #expect(open.config == nil)
        #expect(open.errors.map(\.key) == ["collector.tls_certificate"])
        let loopback = CollectorConfigLoader.check(fileName: "c.toml", text: "[collector]\nlisten_address = \"127.0.0.1\"\ndatabase = \"db/c.sqlite\"\n", directory: "/srv")
        #expect(loopback.config?.database == "/srv/db/c.sqlite")
    }

    @Test func refusesUnknownKeysAndTheBoxSections() {
        let result = CollectorConfigLoader.check(fileName: "c.toml", text: "[collector]\nlisten_address = \"127.0.0.1\"\nprot = 1\n[portal]\nport = 80\n", directory: "/etc")
        #expect(result.config == nil)
        #expect(result.errors.count == 2)
        #expect(!CollectorConfigLoader.isCollectorFile("[portal]\nport = 80\n"))
    }
}
