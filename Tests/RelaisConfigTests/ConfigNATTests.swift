import RelaisConfig
import RelaisCore
import Testing

/// The `[nat]` section: its defaults, its values, and the checks across keys.
@Suite struct ConfigNATTests {
    @Test func defaultsTranslateWith256PortsPerDeviceFrom1024() throws {
        let config = try #require(loadedConfig(""))
        #expect(config.nat == RelaisConfig.NAT(mode: .portBlocks, uplinkInterface: "eth0", publicAddress: "",
                                               portsPerDevice: 256, firstPort: 1024))
    }

    @Test func everyKeyIsRead() throws {
        let config = try #require(loadedConfig("""
            [nat]
            mode = "none"
            uplink_interface = "wan0"
            public_address = "198.51.100.1"
            ports_per_device = 128
            first_port = 2048
            """))
        #expect(config.nat == RelaisConfig.NAT(mode: .none, uplinkInterface: "wan0", publicAddress: "198.51.100.1",
                                               portsPerDevice: 128, firstPort: 2048))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let key: String
        let problem: String
        var testDescription: String { text.replacingOccurrences(of: "\n", with: "; ") }
    }

    static let refused: [Case] = [
        Case(text: "mode = \"masquerade\"", key: "nat.mode", problem: "is not allowed"),
        Case(text: "uplink_interface = \"eth 0\"", key: "nat.uplink_interface", problem: "not a valid interface name"),
        Case(text: "uplink_interface = \"wlan0\"", key: "nat.uplink_interface", problem: "is the visitors' interface"),
        Case(text: "public_address = \"2001:db8::1\"", key: "nat.public_address", problem: "not an IPv4 address"),
        Case(text: "public_address = \"box.example\"", key: "nat.public_address", problem: "not an IPv4 address"),
        Case(text: "ports_per_device = 15", key: "nat.ports_per_device", problem: "out of range"),
        Case(text: "ports_per_device = 64513", key: "nat.ports_per_device", problem: "out of range"),
        Case(text: "first_port = 0", key: "nat.first_port", problem: "out of range"),
        Case(text: "first_port = 65000\nports_per_device = 1024", key: "nat.first_port", problem: "not one block of 1024 ports fits"),
    ]

    @Test(arguments: refused)
    func badValuesAreRefused(_ item: Case) {
        let issues = configIssues("[nat]\n" + item.text).filter { $0.severity == .error }
        #expect(issues.map(\.key) == [item.key])
        #expect(issues.first.map { "\($0)".contains(item.problem) } == true, "\(issues)")
    }

    @Test func modeNoneSkipsTheChecksOfATranslationItDoesNotDo() {
        #expect(configIssues("[nat]\nmode = \"none\"\nuplink_interface = \"wlan0\"").isEmpty)
    }
}
