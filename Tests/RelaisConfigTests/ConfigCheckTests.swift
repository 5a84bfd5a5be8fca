import RelaisConfig
import RelaisCore
import Testing

/// `check-config` refuses what `serve` would refuse, and refuses or warns about what is dangerous.
@Suite struct ConfigCheckTests {
    func check(_ text: String) -> ConfigCheck {
        RelaisConfigLoader.check(fileName: "relais.toml", text: withNotice(text), directory: "/etc/relais")
    }

    /// Names the firewall refused at start while check-config accepted them.
    @Test(arguments: ["wlan*", "wlan+", "eth0:1", "br lan", "wl\"an", "a/b", ".", ".."])
    func interfaceNamesTheFirewallRefusesAreErrors(name: String) {
        let result = check("[network]\nlan_interface = \(ConfigValue.string(name).rendered)\n")
        #expect(result.config == nil)
        #expect(result.errors.map(\.key) == ["network.lan_interface"])
        #expect(!FirewallNames.isInterfaceName(name))
    }

    @Test(arguments: ["_relais", "-relais", "1relais", ".relais", "relais table", "relais;x", ""])
    func tableNamesTheFirewallRefusesAreErrors(name: String) {
        let result = check("[network]\ntable = \(ConfigValue.string(name).rendered)\n")
        #expect(result.errors.map(\.key) == ["network.table"])
        #expect(!FirewallNames.isTableName(name))
    }

    @Test(arguments: ["wlan0", "br-lan", "eth0.100", "wg_guest"])
    func ordinaryInterfaceNamesPassBothCheckers(name: String) {
        #expect(check("[network]\nlan_interface = \"\(name)\"\n").config?.network.lanInterface == name)
        #expect(FirewallNames.isInterfaceName(name))
    }

    @Test func listeningOnEveryInterfaceIsAWarningThatSaysWhy() throws {
        for address in ["0.0.0.0", "::"] {
            let result = check("[portal]\nlisten_address = \"\(address)\"\n")
            #expect(result.errors.isEmpty)
            #expect(result.config?.portal.listenAddress == address)
            let warning = try #require(result.warnings.first)
            #expect(result.warnings.count == 1)
            #expect(warning.severity == .warning)
            #expect(warning.description.hasPrefix("relais.toml:2: warning: portal.listen_address: \"\(address)\" listens on every interface, the uplink included"))
            #expect(warning.description.contains("set it to the box's LAN address"))
        }
        #expect(check("[portal]\nlisten_address = \"192.168.50.1\"\n").warnings.isEmpty)
        #expect(check("").warnings.isEmpty)
    }

    @Test func unspecifiedHostIsAnError() {
        for host in ["0.0.0.0", "::"] {
            let result = check("[portal]\nhost = \"\(host)\"\n")
            #expect(result.config == nil)
            #expect(result.errors.first?.problem.contains("devices cannot reach it") == true)
        }
    }

    @Test(arguments: ["users", "staff", "adm", "sudo", "wheel", "nogroup"])
    func broadControlGroupsAreRefused(group: String) {
        let result = check("[control]\ngroup = \"\(group)\"\n")
        #expect(result.config == nil)
        #expect(result.errors.first?.description == "relais.toml:2: control.group: \"\(group)\" is a broad system group: every account in it could authorize or disconnect any device; expected a group of its own such as relais")
    }

    @Test func ownControlGroupIsAccepted() {
        #expect(check("[control]\ngroup = \"relais-ops\"\n").config?.control.group == "relais-ops")
    }

    @Test func manyBlocksThatTogetherOpenTooMuchAreRefused() {
        let items = (0..<300).map { "\"10.\($0 / 256).\($0 % 256).0/24\"" }.joined(separator: ", ")
        let result = check("[network]\npreauth_allow = [\(items)]\n")
        #expect(result.config == nil)
        #expect(result.errors.map(\.description) == [
            "relais.toml:2: network.preauth_allow: the items together open 76800 IPv4 addresses, more than a /16 (65536), "
                + "to devices that have not accepted the terms; expected at most a /16 of IPv4 and a /32 of IPv6 in total: "
                + "only the hosts visitors need before accepting",
        ])
    }

    @Test func tooManyIPv6BlocksAreRefused() {
        let result = check("[network]\npreauth_allow = [\"2001:db8::/32\", \"2001:db9::/32\"]\n")
        #expect(result.errors.first?.problem.contains("IPv6 /64 networks, more than a /32") == true)
    }

    @Test func eightBitBlocksAreTooWideOnTheirOwn() {
        let result = check("[network]\npreauth_allow = [\"10.0.0.0/8\"]\n")
        #expect(result.errors.first?.problem == "\"10.0.0.0/8\" is too wide")
    }

    @Test func blocksInsideAListedBlockCountOnce() {
        let result = check("[network]\npreauth_allow = [\"198.51.0.0/16\", \"198.51.100.0/24\", \"198.51.100.7\", \"2001:db8::/32\", \"2001:db8::1\"]\n")
        #expect(result.errors.isEmpty)
        #expect(result.config?.network.preauthAllow.count == 5)
    }

    @Test func loadKeepsRefusingOnErrorsOnlyAndDropsWarnings() throws {
        let text = "[portal]\nlisten_address = \"0.0.0.0\"\n[network]\ntable = \"_x\"\n"
        let result = check(text)
        #expect(result.errors.count == 1)
        #expect(result.warnings.count == 1)
        guard case .failure(let failure) = RelaisConfigLoader.load(fileName: "relais.toml", text: withNotice(text), directory: "/etc/relais") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.issues == result.errors)
    }
}
