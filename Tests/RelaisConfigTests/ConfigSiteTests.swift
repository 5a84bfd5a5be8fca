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

/// `[site] latitude`, `longitude`: the box's position, both or neither.
@Suite struct ConfigSiteCoordinatesTests {
    @Test func coordinatesAreReadAsDecimalDegrees() throws {
        let config = try #require(loadedConfig("[site]\nlatitude = \"46.5802\"\nlongitude = \"-0.3404\"\n"))
        #expect(config.site.latitude == 46.5802 && config.site.longitude == -0.3404)
        let none = try #require(loadedConfig("[site]\ntime_zone = \"Europe/Paris\"\n"))
        #expect(none.site.latitude == nil && none.site.longitude == nil)
    }

    @Test func badOrLoneCoordinatesAreRefusedWithTheKey() {
        #expect(configIssues("[site]\nlatitude = \"91\"\nlongitude = \"0\"\n").map(\.key) == ["site.latitude"])
        #expect(configIssues("[site]\nlatitude = \"46,58\"\nlongitude = \"0\"\n").map(\.key) == ["site.latitude"])
        #expect(configIssues("[site]\nlatitude = \"46\"\nlongitude = 1\n").map(\.key) == ["site.longitude"])
        #expect(configIssues("[site]\nlatitude = \"46.58\"\n").map(\.key) == ["site.longitude"])
    }
}
