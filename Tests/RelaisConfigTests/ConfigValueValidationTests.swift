import RelaisConfig
import Testing

/// One refused value per case: the issue names the key and the line, and nothing else is reported.
@Suite struct ConfigValueValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let section: String
        let key: String
        let value: String
        let problem: String
        var testDescription: String { "\(section).\(key) = \(value)" }
    }

    static let refused: [Case] = [
        Case(section: "portal", key: "port", value: "0", problem: "out of range"),
        Case(section: "portal", key: "port", value: "65536", problem: "out of range"),
        Case(section: "portal", key: "port", value: "\"2050\"", problem: "is a string"),
        Case(section: "portal", key: "listen_address", value: "\"localhost\"", problem: "not an IP address"),
        Case(section: "portal", key: "listen_address", value: "\"192.168.50.256\"", problem: "not an IP address"),
        Case(section: "portal", key: "listen_address", value: "\"fe80::1%wlan0\"", problem: "not an IP address"),
        Case(section: "portal", key: "host", value: "\"http://192.168.50.1\"", problem: "scheme"),
        Case(section: "portal", key: "host", value: "\"portal.example/x\"", problem: "path"),
        Case(section: "portal", key: "host", value: "\"my portal\"", problem: "spaces"),
        Case(section: "portal", key: "host", value: "\"192.168.50.1:2050\"", problem: "port"),
        Case(section: "portal", key: "host", value: "\"[2001:db8::1]\"", problem: "brackets"),
        Case(section: "portal", key: "host", value: "\"-bad.example\"", problem: "not a valid host name"),
        Case(section: "portal", key: "host", value: "\"192.168.50.300\"", problem: "not a valid host name"),
        Case(section: "portal", key: "host", value: "\"\"", problem: "not a valid host name"),
        Case(section: "portal", key: "venue_name", value: "\"  \"", problem: "must not be empty"),
        Case(section: "portal", key: "venue_name", value: "\"a\\nb\"", problem: "control character"),
        Case(section: "portal", key: "venue_name", value: "\"\(String(repeating: "é", count: 101))\"", problem: "101 characters"),
        Case(section: "portal", key: "terms_version", value: "\"\"", problem: "must not be empty"),
        Case(section: "portal", key: "assets_directory", value: "\"~/portal\"", problem: "not expanded"),
        Case(section: "portal", key: "assets_directory", value: "\"\"", problem: "must not be empty"),
        Case(section: "portal", key: "venue_info_url", value: "\"ftp://mairie.example\"", problem: "not an http(s) address"),
        Case(section: "portal", key: "venue_info_url", value: "\"https://\"", problem: "not a valid address"),
        Case(section: "portal", key: "venue_info_url", value: "\"https://mairie.example/a b\"", problem: "not a valid address"),
        Case(section: "portal", key: "max_body_bytes", value: "1023", problem: "out of range"),
        Case(section: "portal", key: "max_body_bytes", value: "1048577", problem: "out of range"),
        Case(section: "portal", key: "form_token_seconds", value: "59", problem: "out of range"),
        Case(section: "portal", key: "form_token_seconds", value: "86401", problem: "out of range"),
        Case(section: "network", key: "lan_interface", value: "\"wlan0-visitors-x\"", problem: "not a valid interface name"),
        Case(section: "network", key: "lan_interface", value: "\"eth/0\"", problem: "not a valid interface name"),
        Case(section: "network", key: "lan_interface", value: "\"eth 0\"", problem: "not a valid interface name"),
        Case(section: "network", key: "lan_interface", value: "\"eth0:1\"", problem: "not a valid interface name"),
        Case(section: "network", key: "lan_interface", value: "\"\"", problem: "not a valid interface name"),
        Case(section: "network", key: "lan_interface", value: "\"..\"", problem: "not a valid interface name"),
        Case(section: "network", key: "firewall", value: "\"iptables\"", problem: "is not allowed"),
        Case(section: "network", key: "firewall", value: "true", problem: "is a boolean"),
        Case(section: "network", key: "table", value: "\"relais table\"", problem: "not a valid name"),
        Case(section: "network", key: "table", value: "\"1relais\"", problem: "not a valid name"),
        Case(section: "network", key: "table", value: "\"_relais\"", problem: "not a valid name"),
        Case(section: "network", key: "preauth_allow", value: "\"192.0.2.1\"", problem: "is a string"),
        Case(section: "network", key: "preauth_allow", value: "[\"192.0.2.1\", \"example.org\"]", problem: "not an IP address or CIDR block"),
        Case(section: "network", key: "preauth_allow", value: "[\"192.0.2.0/33\"]", problem: "invalid prefix length"),
        Case(section: "network", key: "preauth_allow", value: "[\"2001:db8::/129\"]", problem: "invalid prefix length"),
        Case(section: "network", key: "preauth_allow", value: "[\"192.0.2.0/x\"]", problem: "invalid prefix length"),
        Case(section: "network", key: "preauth_allow", value: "[\"0.0.0.0/0\"]", problem: "too wide"),
        Case(section: "network", key: "preauth_allow", value: "[\"2000::/3\"]", problem: "too wide"),
        Case(section: "network", key: "preauth_allow", value: "[\"192.0.2.1/24\"]", problem: "did you mean \"192.0.2.0/24\"?"),
        Case(section: "network", key: "sweep_seconds", value: "0", problem: "out of range"),
        Case(section: "network", key: "sweep_seconds", value: "301", problem: "out of range"),
        Case(section: "session", key: "duration", value: "\"0s\"", problem: "out of range"),
        Case(section: "session", key: "duration", value: "\"8d\"", problem: "out of range"),
        Case(section: "session", key: "duration", value: "-60", problem: "out of range"),
        Case(section: "session", key: "duration", value: "\"4 hours\"", problem: "not a duration"),
        Case(section: "session", key: "idle_timeout", value: "0", problem: "out of range"),
        Case(section: "session", key: "idle_timeout", value: "\"30min\"", problem: "not a duration"),
        Case(section: "session", key: "idle_timeout", value: "[\"30m\"]", problem: "is an array"),
        Case(section: "store", key: "database", value: "\"/var/lib/relais/\"", problem: "names a folder"),
        Case(section: "store", key: "database", value: "\"~/relais.sqlite\"", problem: "not expanded"),
        Case(section: "store", key: "database", value: "1", problem: "is an integer"),
        Case(section: "control", key: "socket", value: "\"/run/\(String(repeating: "s", count: 120)).sock\"", problem: "bytes long"),
        Case(section: "control", key: "group", value: "\"wheel users\"", problem: "not a valid name"),
        Case(section: "control", key: "group", value: "\"\(String(repeating: "g", count: 33))\"", problem: "not a valid name"),
        Case(section: "log", key: "level", value: "\"verbose\"", problem: "is not allowed"),
        Case(section: "log", key: "level", value: "\"INFO\"", problem: "is not allowed"),
    ]

    @Test(arguments: refused)
    func refusesBadValue(_ bad: Case) throws {
        let issues = configIssues("# relais\n[\(bad.section)]\n\(bad.key) = \(bad.value)\n")
        let issue = try #require(issues.first)
        #expect(issues.count == 1, "\(issues)")
        #expect(issue.line == 3)
        #expect(issue.key == "\(bad.section).\(bad.key)")
        #expect(issue.problem.contains(bad.problem), "\(issue)")
        #expect(issue.description.hasPrefix("relais.toml:3: \(bad.section).\(bad.key): "))
    }

    static let accepted: [(String, String, String)] = [
        ("portal", "port", "1"), ("portal", "port", "65535"),
        ("portal", "listen_address", "\"127.0.0.1\""), ("portal", "listen_address", "\"::1\""),
        ("portal", "host", "\"portail\""), ("portal", "host", "\"wifi.mairie-saint-pierre.fr\""), ("portal", "host", "\"2001:db8::1\""),
        ("portal", "venue_info_url", "\"\""), ("portal", "venue_info_url", "\"HTTP://mairie.example:8080/wifi?x=1#top\""),
        ("portal", "max_body_bytes", "1_048_576"), ("portal", "form_token_seconds", "86400"),
        ("network", "lan_interface", "\"wlp2s0.100\""), ("network", "lan_interface", "\"br-visiteurs123\""),
        ("network", "table", "\"relais_2-b\""), ("network", "preauth_allow", "[]"),
        ("network", "preauth_allow", "[\"203.0.113.0/24\", \"2001:db8:1::/48\", \"192.0.2.1/32\", \"10.20.0.0/17\", \"2001:db8::1\"]"),
        ("network", "sweep_seconds", "1"),
        ("session", "duration", "\"1m\""), ("session", "duration", "14400"),
        ("control", "group", "\"\""), ("control", "group", "\"_relais.ops-1\""),
        ("log", "level", "\"critical\""),
    ]

    @Test(arguments: accepted)
    func acceptsGoodValue(section: String, key: String, value: String) {
        // A short idle timeout, so the shortest accepted session duration passes the idle ≤ duration check.
        let header = section == "session" ? "" : "[\(section)]\n"
        #expect(configIssues("[session]\nidle_timeout = \"1m\"\n\(header)\(key) = \(value)\n").isEmpty)
    }
}
