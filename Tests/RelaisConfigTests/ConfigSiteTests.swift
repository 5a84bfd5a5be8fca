import RelaisConfig
import Testing

/// `[site] time_zone`: a tzdata name, never a path out of /usr/share/zoneinfo.
@Suite struct ConfigSiteTests {
    @Test func parisByDefault() throws {
        let config = try #require(loadedConfig("[portal]\nvenue_name = \"x\"\n"))
        #expect(config.site.timeZone == "Europe/Paris")
    }

    @Test func overseasZonesAreAccepted() throws {
        for zone in ["America/Cayenne", "Indian/Reunion", "Pacific/Noumea", "Etc/GMT-4", "UTC"] {
            let config = try #require(loadedConfig("[site]\ntime_zone = \"\(zone)\"\n"))
            #expect(config.site.timeZone == zone)
        }
    }

    @Test func pathsAndOddNamesAreRefusedWithTheKey() {
        for bad in ["../../etc/passwd", "/etc/localtime", "Europe//Paris", "Europe/Paris ", "", "Europe/./Paris"] {
            let issues = configIssues("[site]\ntime_zone = \"\(bad)\"\n")
            #expect(issues.count == 1, "\(bad)")
            #expect(issues.first?.key == "site.time_zone")
        }
        #expect(configIssues("[site]\ntime_zone = 1\n").first?.key == "site.time_zone")
    }
}
