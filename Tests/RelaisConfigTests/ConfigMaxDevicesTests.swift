import RelaisConfig
import RelaisCore
import Testing

/// `session.max_devices`: the capacity the store enforces and the kernel sets are sized from.
@Suite struct ConfigMaxDevicesTests {
    @Test func defaultsAndReads() throws {
        #expect(RelaisConfig.defaults.session.maxDevices == 20_000)
        let config = try #require(loadedConfig("[session]\nmax_devices = 350\n"))
        #expect(config.session.maxDevices == 350)
    }

    @Test(arguments: ["0", "-1", "1_000_001", "\"many\""])
    func refusesOutOfRange(_ value: String) {
        let issues = configIssues("[session]\nmax_devices = \(value)\n")
        #expect(issues.count == 1)
        #expect(issues.first?.key == "session.max_devices")
    }
}
