import RelaisConfig
import RelaisCore
import Testing

/// `[push]`: off by default; when on, an https collector and a box name; k never below 5.
@Suite struct ConfigPushTests {
    @Test func offByDefault() throws {
        let config = try #require(loadedConfig("[portal]\nvenue_name = \"x\"\n"))
        #expect(!config.push.enabled)
        #expect(config.push.threshold.k == 11)
        #expect(config.push.noise == nil)
        #expect(config.push.dutyStatusSeconds == 300)
    }

    @Test func enabledReadsEverything() throws {
        let config = try #require(loadedConfig("""
            [push]
            enabled = true
            collector_url = "https://stats.departement.example/relais"
            ca_file = "ca.pem"
            box_id = "mediatheque-lannion"
            smallest_count = 5
            epsilon = "0.5"
            duty_status_interval = "2m"
            """))
        #expect(config.push.caFile == "/etc/relais/ca.pem")
        #expect(config.push.threshold.k == 5)
        #expect(config.push.noise?.epsilon == 0.5)
        #expect(config.push.dutyStatusSeconds == 120)
    }

    @Test func refusals() {
        #expect(configIssues("[push]\nsmallest_count = 4\n").map(\.key) == ["push.smallest_count"])
        #expect(configIssues("[push]\nepsilon = \"-1\"\n").map(\.key) == ["push.epsilon"])
        #expect(configIssues("[push]\nbox_id = \"Mairie de Lannion\"\n").map(\.key) == ["push.box_id"])
        let enabled = configIssues("[push]\nenabled = true\ncollector_url = \"http://stats.example\"\n").map(\.key)
        #expect(Set(enabled) == ["push.collector_url", "push.box_id"])
    }
}
