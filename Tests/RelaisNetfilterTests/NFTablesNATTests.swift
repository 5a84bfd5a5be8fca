import Foundation
import RelaisCore
import Testing
@testable import RelaisNetfilter
import RelaisTesting

/// The NAT map and chain in the owned table: their text, and the kernel's view after grants and revokes.
@Suite struct NFTablesNATCommandsTests {
    typealias F = FirewallFixture
    static let plan = PortBlockPlan(publicAddress: IPAddress("198.51.100.1"))!

    static func binding(_ host: Int, block: Int) -> NATBinding {
        NATBinding(privateAddress: IPAddress("192.0.2.\(host)"), block: plan.block(at: block)!)
    }

    @Test func installAddsTheMapAndAChainBeforeOtherSourceNAT() throws {
        var layout = F.layout
        layout.nat = NATLayout(uplinkInterface: "wan0")
        let grant = FirewallGrant(mac: F.mac(1), sessionSeconds: 60, idleSeconds: 60, nat: Self.binding(10, block: 2))
        let text = try NFTablesCommands(table: "relais").install(layout, grants: [grant], blocked: [])
        #expect(text.contains("type nat hook postrouting priority srcnat - 1"))
        #expect(text.contains("oifname \"wan0\" meta l4proto { tcp, udp } snat ip to ip saddr map @nat4"))
        #expect(text.contains("oifname \"wan0\" meta l4proto icmp snat ip to ip saddr map @nat4"))
        #expect(text.contains("add element inet relais nat4 { 192.0.2.10 : 198.51.100.1 . 1536-1791 }"))
    }

    @Test func withoutNATTheTableHasNoMapAndGrantsIgnoreBindings() throws {
        let grant = FirewallGrant(mac: F.mac(1), sessionSeconds: 60, idleSeconds: 60, nat: Self.binding(10, block: 2))
        let text = try NFTablesCommands(table: "relais").install(F.layout, grants: [grant], blocked: [])
        #expect(!text.contains("nat4"))
        #expect(!text.contains("snat"))
    }

    @Test func anUnsafeUplinkNameIsRefused() {
        var layout = F.layout
        layout.nat = NATLayout(uplinkInterface: "wan0\" accept")
        #expect(throws: FirewallError.self) { try NFTablesCommands(table: "relais").install(layout, grants: [], blocked: []) }
    }

    @Test func aRegrantReplacesTheDevicesBindingAndAnAddressThatMovedLeavesItsOldDevice() {
        let tracked = [F.mac(1): Self.binding(10, block: 0), F.mac(2): Self.binding(11, block: 1), F.mac(3): Self.binding(12, block: 2)]
        let change = NATChange(granting: [
            FirewallGrant(mac: F.mac(1), sessionSeconds: 60, idleSeconds: 60, nat: Self.binding(10, block: 4)),
            // Device 4 now has the address device 2 had: device 2's element must go.
            FirewallGrant(mac: F.mac(4), sessionSeconds: 60, idleSeconds: 60, nat: Self.binding(11, block: 5)),
        ], tracked: tracked)
        #expect(change.removed == [Self.binding(10, block: 0), Self.binding(11, block: 1)])
        #expect(change.added == [Self.binding(10, block: 4), Self.binding(11, block: 5)])
        var after = tracked
        change.apply(to: &after)
        #expect(after == [F.mac(1): Self.binding(10, block: 4), F.mac(3): Self.binding(12, block: 2), F.mac(4): Self.binding(11, block: 5)])
    }

    @Test func removingAnElementAddsItFirstSoThatAMissingOneDoesNotFailTheBatch() {
        let text = try! NFTablesCommands(table: "relais").natChange(removing: [Self.binding(10, block: 0)], adding: [])
        #expect(text == """
            add element inet relais nat4 { 192.0.2.10 : 198.51.100.1 . 1024-1279 }
            delete element inet relais nat4 { 192.0.2.10 }

            """)
    }
}

@Suite(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
struct NFTablesFirewallNATTests {
    typealias F = FirewallFixture
    typealias C = NFTablesNATCommandsTests

    static var layout: FirewallLayout {
        var layout = F.layout
        layout.nat = NATLayout(uplinkInterface: "wan0")
        return layout
    }

    static func grant(_ index: Int, host: Int, block: Int) -> FirewallGrant {
        FirewallGrant(mac: F.mac(index), sessionSeconds: 3600, idleSeconds: 600, nat: C.binding(host, block: block))
    }

    @Test func grantsAndRevokesKeepTheMapInStepWithTheSessions() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(Self.layout, grants: [Self.grant(1, host: 10, block: 0)], blocked: [])
            #expect(try NFTablesNATMap.read(namespace) == ["192.0.2.10": "198.51.100.1 1024-1279"])
            try firewall.grant([Self.grant(2, host: 11, block: 1), Self.grant(3, host: 12, block: 2)])
            // Device 1 comes back with another block; device 4 takes device 3's address.
            try firewall.grant([Self.grant(1, host: 10, block: 5), Self.grant(4, host: 12, block: 3)])
            #expect(try NFTablesNATMap.read(namespace) == [
                "192.0.2.10": "198.51.100.1 2304-2559", "192.0.2.11": "198.51.100.1 1280-1535", "192.0.2.12": "198.51.100.1 1792-2047",
            ])
            try firewall.revoke([F.mac(2), F.mac(3), F.mac(9)])
            #expect(try NFTablesNATMap.read(namespace) == ["192.0.2.10": "198.51.100.1 2304-2559", "192.0.2.12": "198.51.100.1 1792-2047"])
            // An element removed by hand does not make the revoke fail.
            try namespace.exec("nft", "delete", "element", "inet", "relais", "nat4", "{ 192.0.2.10 }")
            try firewall.revoke([F.mac(1), F.mac(4)])
            #expect(try NFTablesNATMap.read(namespace).isEmpty)
            #expect(try firewall.listing().passing.isEmpty)
        }
    }

    @Test func aGrantWithoutABlockRemovesTheDevicesOldBinding() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(Self.layout, grants: [Self.grant(1, host: 10, block: 0)], blocked: [])
            try firewall.grant([F.grant(1)])
            #expect(try NFTablesNATMap.read(namespace).isEmpty)
            #expect(try firewall.listing().passing == [F.mac(1)])
        }
    }

    /// Real flows leave by the uplink from the device's block, even with the box's own masquerade table present.
    @Test func flowsLeaveFromTheDevicesBlockBeforeAForeignMasquerade() throws {
        try F.withFirewall { firewall, namespace in
            let internet = "relais-inet-" + String(UInt32.random(in: .min ... .max), radix: 16)
            try Shell.run(["ip", "netns", "add", internet])
            defer { _ = try? Shell.run(["ip", "netns", "delete", internet]) }
            try Shell.inNamespace(internet, ["ip", "link", "set", "lo", "up"])
            try Shell.run(["ip", "link", "add", "wan0", "netns", namespace.name, "type", "veth", "peer", "name", "eth0", "netns", internet])
            try namespace.exec("ip", "addr", "add", "198.51.100.1/24", "dev", "wan0")
            try namespace.exec("ip", "link", "set", "wan0", "up")
            // The device's address, held by the box itself: its locally sent packets take the same postrouting path.
            try namespace.exec("ip", "addr", "add", "192.0.2.10/32", "dev", "lo")
            try Shell.inNamespace(internet, ["ip", "addr", "add", "198.51.100.2/24", "dev", "eth0"])
            try Shell.inNamespace(internet, ["ip", "link", "set", "eth0", "up"])
            // The box's own masquerade, at the usual priority, in a table relais does not own.
            try namespace.exec("nft", "add table ip boxnat; add chain ip boxnat post { type nat hook postrouting priority srcnat; }; add rule ip boxnat post oifname wan0 masquerade")
            try firewall.install(Self.layout, grants: [Self.grant(1, host: 10, block: 3)], blocked: [])
            let listener = try Shell.start(in: internet, ["python3", "-c", SourcePortRecorder.listener], logFile: "/dev/null")
            defer { kill(listener.processIdentifier, SIGKILL); listener.waitUntilExit() }
            var seen: [String] = []
            for attempt in 0..<50 where seen.count < 3 {
                if attempt > 0 { usleep(100_000) }
                let result = try namespace.exec("python3", "-c", SourcePortRecorder.caller(target: "198.51.100.2", tcp: 2, source: "192.0.2.10"))
                seen = result.split(separator: "\n").map(String.init)
            }
            #expect(seen.count == 3, "\(seen)")
            let block = try #require(C.plan.block(at: 3))
            for line in seen {
                let parts = line.split(separator: " ")
                #expect(parts.count == 2 && parts[0] == "198.51.100.1", "\(line)")
                #expect(parts.count == 2 && Int(parts[1]).map(block.contains(port:)) == true, "\(line) outside \(block)")
            }
        }
    }
}

@Suite(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
struct NFTablesNATListingTests {
    typealias F = FirewallFixture
    typealias C = NFTablesNATCommandsTests

    @Test func theListingReadsTheMapBackIncludingABlockOfOnePort() throws {
        try F.withFirewall { firewall, namespace in
            try firewall.install(NFTablesFirewallNATTests.layout, grants: [NFTablesFirewallNATTests.grant(1, host: 10, block: 2)], blocked: [])
            let single = NATBinding(privateAddress: "192.0.2.11", block: PortBlock(publicAddress: "198.51.100.1", firstPort: 7000, lastPort: 7000, index: 0))
            try firewall.grant([FirewallGrant(mac: F.mac(2), sessionSeconds: 60, idleSeconds: 60, nat: single)])
            let listed = try #require(try firewall.listing().nat)
            #expect(listed.count == 2)
            #expect(listed["192.0.2.10"]?.block.ports == 1536...1791)
            #expect(listed["192.0.2.11"]?.block.ports == 7000...7000)
            #expect(listed["192.0.2.11"]?.block.publicAddress == "198.51.100.1")
            try firewall.install(F.layout, grants: [], blocked: [])
            #expect(try firewall.listing().nat == nil, "no map in a layout without NAT")
        }
    }
}
