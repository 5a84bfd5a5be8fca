import RelaisCore
import Testing
@testable import RelaisNetfilter

/// The command text, and the validation that keeps outside text out of it.
struct NFTablesCommandsTests {
    typealias F = FirewallFixture

    @Test(arguments: ["", "1relais", "relais; flush ruleset", "a b", "re\"lais", "tábla", String(repeating: "a", count: 65)])
    func refusesUnsafeTableNames(_ name: String) {
        #expect(throws: FirewallError.self) { try NFTablesCommands(table: name) }
    }

    @Test func acceptsOrdinaryTableNames() throws {
        #expect(try NFTablesCommands(table: "relais_test-1.b").table == "relais_test-1.b")
    }

    @Test(arguments: ["", "wlan0\" drop", "wlan0 ", "averyverylongname0", "br/0"])
    func refusesUnsafeInterfaceNames(_ name: String) throws {
        var layout = F.layout
        layout.lanInterface = name
        let error = try #require(throws: FirewallError.self) { try NFTablesCommands(table: "relais").install(layout, grants: [], blocked: []) }
        #expect(error.code == "install")
    }

    @Test(arguments: [(["192.0.2.0/33"], []), (["2001:db8::/64"], []), (["192.0.2.1 } ; flush ruleset"], []),
                      (["192.0.2.0/"], []), (["192.0.2.0/24/1"], []), ([], ["192.0.2.1"]), ([], ["2001:db8::/129"])])
    func refusesInvalidPreauthorizedDestinations(_ ipv4: [String], _ ipv6: [String]) {
        var layout = F.layout
        layout.preauthIPv4 = ipv4
        layout.preauthIPv6 = ipv6
        #expect(throws: FirewallError.self) { try NFTablesCommands(table: "relais").install(layout, grants: [], blocked: []) }
    }

    @Test(arguments: [0, 65536, -80])
    func refusesInvalidPorts(_ port: Int) {
        var layout = F.layout
        layout.portalPort = port
        #expect(throws: FirewallError.self) { try NFTablesCommands(table: "relais").install(layout, grants: [], blocked: []) }
    }

    @Test func installRewritesAddressesInCanonicalForm() throws {
        var layout = F.layout
        layout.preauthIPv6 = ["2001:DB8:0:0::/32", "2001:db8::0001"]
        let text = try NFTablesCommands(table: "relais").install(layout, grants: [], blocked: [])
        #expect(text.contains("add element inet relais preauth6 { 2001:db8::/32, 2001:db8::1 }\n"))
        #expect(text.hasPrefix("add table inet relais\ndelete table inet relais\ntable inet relais {\n"))
        #expect(!text.contains("sessions {  }"))  // no empty element lists
        #expect(!text.contains("add element inet relais blocked"))
    }

    @Test func setsAreSizedFromTheCapacityAndUnacceptedTrafficIsRefusedNotDropped() throws {
        var layout = F.layout
        layout.maxDevices = 500
        let text = try NFTablesCommands(table: "relais").install(layout, grants: [], blocked: [])
        #expect(text.contains("set sessions { type ether_addr; flags timeout; size 1000; }"))
        #expect(text.contains("timeout 600s; size 1000; }"))
        #expect(text.contains("iifname \"wlan0\" meta l4proto tcp reject with tcp reset\n"))
        #expect(text.contains("iifname \"wlan0\" reject with icmpx type admin-prohibited\n"))
        #expect(!text.contains("iifname \"wlan0\" drop"))
        // Blocked devices are still dropped without an answer.
        #expect(text.contains("iifname \"wlan0\" ether saddr @blocked drop"))
        #expect(NFTablesCommands.setSize(maxDevices: 0) == 2)
    }

    @Test func grantReplacesOnceEachDeviceWithTheLastTimersAndClampsThem() throws {
        let commands = try NFTablesCommands(table: "relais")
        let text = commands.grant([F.grant(1, session: 100), F.grant(2, session: 0, idle: -5), F.grant(1, session: 200, idle: 20)])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0] == "add element inet relais sessions { 02:00:00:00:00:02, 02:00:00:00:00:01 }")
        #expect(lines[2] == "delete element inet relais sessions { 02:00:00:00:00:02, 02:00:00:00:00:01 }")
        #expect(lines[4] == "add element inet relais sessions { 02:00:00:00:00:02 timeout 1s, 02:00:00:00:00:01 timeout 200s }")
        #expect(lines[5] == "add element inet relais active { 02:00:00:00:00:02 timeout 1s, 02:00:00:00:00:01 timeout 20s }")
    }

    @Test func removeAddsBeforeDeletingSoUnknownDevicesDoNotFail() throws {
        let commands = try NFTablesCommands(table: "relais")
        #expect(commands.remove([F.mac(3), F.mac(3)], from: ["blocked"]) ==
            "add element inet relais blocked { 02:00:00:00:00:03 }\ndelete element inet relais blocked { 02:00:00:00:00:03 }\n")
        #expect(commands.remove([], from: ["sessions", "active"]).isEmpty)
    }

    @Test func errorSummaryKeepsTheLibraryLinesNotTheEchoedCommand() {
        let error = """
            Error: Could not process rule: No such file or directory
            add element inet relais sessions { 02:00:00:00:00:01 timeout 3600s }
                                    ^^^^^^^^
            Error: Could not process rule: No such file or directory
            add element inet relais active { 02:00:00:00:00:01 timeout 600s }

            """
        #expect(NFTablesContext.summary(of: error, status: 1) == "Error: Could not process rule: No such file or directory")
        #expect(NFTablesContext.summary(of: "", status: -1) == "libnftables failed with status -1")
    }
}
