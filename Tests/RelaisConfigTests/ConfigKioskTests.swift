import RelaisConfig
import Testing

/// `[kiosk]`: the hall screen's wifi name, refresh period and list-of-places address.
@Suite struct ConfigKioskTests {
    @Test func defaults() throws {
        let config = try #require(loadedConfig("[portal]\nvenue_name = \"x\"\n"))
        #expect(config.kiosk == RelaisConfig.Kiosk(ssid: "", refreshSeconds: 60, placesURL: ""))
    }

    @Test func readsEveryKey() throws {
        let text = "[kiosk]\nssid = \"Mairie \\\"Wifi\\\"; public\"\nrefresh_seconds = 30\nplaces_url = \"https://mairie.example/aide\"\n"
        let config = try #require(loadedConfig(text))
        #expect(config.kiosk.ssid == "Mairie \"Wifi\"; public")
        #expect(config.kiosk.refreshSeconds == 30)
        #expect(config.kiosk.placesURL == "https://mairie.example/aide")
    }

    @Test func refusesWhatAScreenOrAPhoneCouldNotUse() {
        // 33 bytes: one more than an SSID holds (é is two bytes).
        let cases = [
            ("ssid = \"\(String(repeating: "é", count: 16))x\"", "kiosk.ssid"),
            ("ssid = \"a\\tb\"", "kiosk.ssid"),
            ("refresh_seconds = 5", "kiosk.refresh_seconds"),
            ("places_url = \"ftp://x\"", "kiosk.places_url"),
        ]
        for (line, key) in cases {
            let issues = configIssues("[kiosk]\n\(line)\n")
            #expect(issues.map(\.key) == [key], "\(line)")
        }
        #expect(loadedConfig("[kiosk]\nssid = \"\(String(repeating: "é", count: 16))\"\n")?.kiosk.ssid.utf8.count == 32)
    }
}
