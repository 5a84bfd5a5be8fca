import RelaisConfig
import RelaisCore
import Testing

@Suite struct ConfigLoaderTests {
    @Test func emptyFileGivesTheDefaults() {
        #expect(loadedConfig("") == RelaisConfig.defaults)
        #expect(loadedConfig("# nothing\n[portal]\n[log]\n") == RelaisConfig.defaults)
    }

    @Test func missingKeysKeepTheirDefaults() throws {
        let config = try #require(loadedConfig("""
        [portal]
        port = 8080
        [session]
        duration = "1h30m"
        idle_timeout = 600
        """))
        var expected = RelaisConfig.defaults
        expected.portal.port = 8080
        expected.session.durationSeconds = 5400
        expected.session.idleSeconds = 600
        #expect(config == expected)
        #expect(config.sessionLimits == SessionLimits(sessionSeconds: 5400, idleSeconds: 600))
    }

    @Test func setsEveryKey() throws {
        let config = try #require(loadedConfig("""
        [portal]
        listen_address = "::"
        port = 80
        host = "wifi.mairie.example"
        venue_name = "Mairie de Saint-Pierre"
        assets_directory = "/srv/relais/portal"
        terms_version = "2027-01"
        venue_info_url = "https://mairie.example/wifi"
        max_body_bytes = 1024
        form_token_seconds = 60
        [network]
        lan_interface = "br-lan"
        firewall = "none"
        table = "relais_test"
        preauth_allow = ["192.0.2.10", "198.51.100.0/24", "2001:db8::/32"]
        sweep_seconds = 300
        [session]
        duration = "7d"
        idle_timeout = "7d"
        [store]
        database = "/srv/relais/db.sqlite"
        [control]
        socket = "/run/relais-ctl.sock"
        group = ""
        [log]
        level = "trace"
        """))
        // Every value differs from its default, so each key is seen to take effect.
        var expected = RelaisConfig.defaults
        expected.portal = config.portal
        #expect(config.portal.listenAddress == "::")
        #expect(config.portal.port == 80)
        #expect(config.portal.host == "wifi.mairie.example")
        #expect(config.portal.venueName == "Mairie de Saint-Pierre")
        #expect(config.portal.assetsDirectory == "/srv/relais/portal")
        #expect(config.portal.termsVersion == "2027-01")
        #expect(config.portal.venueInfoURL == "https://mairie.example/wifi")
        #expect(config.portal.maxBodyBytes == 1024)
        #expect(config.portal.formTokenSeconds == 60)
        expected.network.lanInterface = "br-lan"
        expected.network.firewall = .none
        expected.network.table = "relais_test"
        expected.network.preauthAllow = ["192.0.2.10", "198.51.100.0/24", "2001:db8::/32"]
        expected.network.sweepSeconds = 300
        expected.session.durationSeconds = 604_800
        expected.session.idleSeconds = 604_800
        expected.store.databasePath = "/srv/relais/db.sqlite"
        expected.control.socketPath = "/run/relais-ctl.sock"
        expected.control.group = ""
        expected.log.level = "trace"
        #expect(config == expected)
    }

    @Test func reportsAllProblemsTogetherInLineOrder() {
        let issues = configIssues("""
        [portal]
        port = 0
        host = "http://portal"
        oops = nope
        [network]
        firewall = "iptables"
        [sesion]
        [log]
        level = "verbose"
        """)
        #expect(issues.map(\.line) == [2, 3, 4, 6, 7, 9])
        #expect(issues.map(\.key) == ["portal.port", "portal.host", nil, "network.firewall", "sesion", "log.level"])
    }

    @Test func descriptionNamesFileLineKeyAndWhatIsAllowed() {
        let issues = configIssues("[network]\n\nfirewall = \"iptables\"")
        #expect(issues.map(\.description) == [
            "relais.toml:3: network.firewall: \"iptables\" is not allowed; expected one of: nftables, none",
        ])
        let failure = ConfigIssues(configIssues("[portal]\nport = 0\n[log]\nlevel = 1"))
        #expect(failure.description == """
        relais.toml:2: portal.port: 0 is out of range; expected an integer from 1 to 65535
        relais.toml:4: log.level: 1 is an integer; expected one of: trace, debug, info, notice, warning, error, critical
        """)
        #expect(configIssues("k =").first?.description == "relais.toml:1: missing value after \"=\"")
    }

    @Test func unknownNamesSuggestTheClosestKnownOne() {
        let issues = configIssues("""
        [portail]
        [portal]
        prot = 1
        listen-address = "0.0.0.0"
        lan_interface = "wlan0"
        colour = "blue"
        [network]
        timeout = 3
        [metrics]
        port = 1
        """)
        #expect(issues.map(\.description) == [
            "relais.toml:1: portail: unknown section; did you mean [portal]?",
            "relais.toml:3: portal.prot: unknown key; did you mean \"port\"?",
            "relais.toml:4: portal.listen-address: unknown key; did you mean \"listen_address\"?",
            "relais.toml:5: portal.lan_interface: unknown key in [portal]; did you mean network.lan_interface?",
            "relais.toml:6: portal.colour: unknown key; expected one of: listen_address, port, host, venue_name, "
                + "assets_directory, terms_version, venue_info_url, max_body_bytes, form_token_seconds, "
                + "max_connections, max_connections_per_address, request_deadline_seconds",
            "relais.toml:8: network.timeout: unknown key; expected one of: lan_interface, firewall, table, preauth_allow, sweep_seconds",
            "relais.toml:9: metrics: unknown section; expected one of: [site], [portal], [network], [session], [store], [control], [log], [staff], [nat], [legal], [notice], [consent], [consent-*], [kiosk], [push]",
        ])
    }

    @Test func keysOutsideSectionsAreReported() {
        #expect(configIssues("port = 2050").map(\.description) == ["relais.toml:1: port: key outside any section; put it under [portal]"])
    }

    @Test func idleTimeoutCannotExceedTheSession() {
        #expect(configIssues("[session]\nduration = \"1h\"\nidle_timeout = \"2h\"").map(\.description) == [
            "relais.toml:3: session.idle_timeout: 2h is longer than the session duration (1h); expected at most session.duration",
        ])
        // Against the default duration (4h), reported on the line that is written.
        #expect(configIssues("[session]\nidle_timeout = \"5h\"").map(\.line) == [2])
        #expect(configIssues("[session]\nduration = \"10m\"").map(\.line) == [2])
        // A refused duration does not add a second, derived complaint.
        #expect(configIssues("[session]\nduration = \"8d\"\nidle_timeout = \"6d\"").map(\.key) == ["session.duration"])
        #expect(loadedConfig("[session]\nduration = \"4s\"\nidle_timeout = \"4s\"")?.sessionLimits == SessionLimits(sessionSeconds: 4, idleSeconds: 4))
    }

    @Test func syntaxErrorsAndValueErrorsComeTogether() {
        let issues = configIssues("[portal]\nport = 99999\nhost = 'x'\n[log]\nlevel = \"loud\"")
        #expect(issues.map(\.line) == [2, 3, 5])
        #expect(issues[1].key == nil)
    }

    @Test func relativePathsResolveAgainstTheConfigFolder() throws {
        let text = """
        [portal]
        assets_directory = "../captive-portal/"
        [store]
        database = "../.relais-dev/./relais.sqlite"
        [control]
        socket = "run//control.sock"
        """
        let config = try #require(loadedConfig(text, directory: "/home/dev/relais/config"))
        #expect(config.portal.assetsDirectory == "/home/dev/relais/captive-portal")
        #expect(config.store.databasePath == "/home/dev/relais/.relais-dev/relais.sqlite")
        #expect(config.control.socketPath == "/home/dev/relais/config/run/control.sock")
        #expect(ConfigPath.resolve("../../../../x", against: "/a") == "/x")
        #expect(ConfigPath.resolve("x", against: "relative/dir") == nil)
        #expect(ConfigPath.resolve("/abs/./y/../z", against: "relative/dir") == "/abs/z")
    }

    @Test func relativePathsNeedAnAbsoluteFolder() {
        let issues = configIssues("[store]\ndatabase = \"db.sqlite\"", directory: "config")
        #expect(issues.map(\.key) == ["store.database"])
        #expect(issues.first?.allowed == "an absolute path")
    }
}
