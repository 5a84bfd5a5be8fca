import Foundation
import RelaisCore
import Testing
@testable import RelaisNetfilter
import RelaisTesting

/// `ProcNetARPNeighbourTable` caching over a file the test rewrites, and over the kernel's own table.
struct ProcNetARPNeighbourTableTests {
    static let header = "IP address       HW type     Flags       HW address            Mask     Device\n"
    static let mac10 = MACAddress("02:00:00:00:00:0a")!
    static let mac11 = MACAddress("02:00:00:00:00:0b")!

    static func line(_ ip: String, _ mac: MACAddress, device: String = "wlan0") -> String {
        "\(ip)       0x1         0x2         \(mac)     *        \(device)\n"
    }

    private func withFile<T>(_ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relais-arp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test func aMissWithinTheIntervalDoesNotReadTheFileAgain() throws {
        try withFile { path in
            try (Self.header + Self.line("192.0.2.10", Self.mac10)).write(toFile: path, atomically: true, encoding: .utf8)
            let table = ProcNetARPNeighbourTable(path: path, refreshInterval: .seconds(3600))
            #expect(table.macAddress(for: "192.0.2.10") == Self.mac10)
            try (Self.header + Self.line("192.0.2.11", Self.mac11)).write(toFile: path, atomically: true, encoding: .utf8)
            #expect(table.macAddress(for: "192.0.2.11") == nil)
            #expect(table.macAddress(for: "192.0.2.10") == Self.mac10)
        }
    }

    @Test func afterTheIntervalAMissAndAStaleHitReadTheFileAgain() throws {
        try withFile { path in
            try (Self.header + Self.line("192.0.2.10", Self.mac10)).write(toFile: path, atomically: true, encoding: .utf8)
            let table = ProcNetARPNeighbourTable(path: path, refreshInterval: .milliseconds(50))
            #expect(table.macAddress(for: "192.0.2.11") == nil)
            // The address moved to another device.
            try (Self.header + Self.line("192.0.2.10", Self.mac11) + Self.line("192.0.2.11", Self.mac10))
                .write(toFile: path, atomically: true, encoding: .utf8)
            Thread.sleep(forTimeInterval: 0.1)
            #expect(table.macAddress(for: "192.0.2.11") == Self.mac10)
            #expect(table.macAddress(for: "::ffff:192.0.2.10") == Self.mac11)
        }
    }

    @Test func interfaceFilterAndMissingFile() throws {
        try withFile { path in
            try (Self.header + Self.line("192.0.2.10", Self.mac10, device: "eth0")).write(toFile: path, atomically: true, encoding: .utf8)
            #expect(ProcNetARPNeighbourTable(path: path, interface: "wlan0").macAddress(for: "192.0.2.10") == nil)
            #expect(ProcNetARPNeighbourTable(path: path, interface: "eth0").macAddress(for: "192.0.2.10") == Self.mac10)
            #expect(ProcNetARPNeighbourTable(path: path + ".absent").macAddress(for: "192.0.2.10") == nil)
        }
    }

    @Test(.enabled(if: NetworkNamespace.isAvailable, "needs root to create network namespaces"))
    func readsTheKernelTable() throws {
        try NetworkNamespace.withNew { namespace in
            try namespace.exec("ip", "link", "add", "lan0", "type", "veth", "peer", "name", "lan1")
            try namespace.exec("ip", "link", "set", "lan0", "up")
            try namespace.exec("ip", "addr", "add", "192.0.2.1/24", "dev", "lan0")
            try namespace.exec("ip", "neigh", "add", "192.0.2.10", "lladdr", "02:00:00:00:00:0a", "dev", "lan0", "nud", "permanent")
            // /proc/thread-self/net is the namespace of the reading thread, here the one that joined it.
            let mac = try namespace.run { () -> MACAddress? in
                ProcNetARPNeighbourTable(path: "/proc/thread-self/net/arp", interface: "lan0").macAddress(for: "192.0.2.10")
            }
            #expect(mac == Self.mac10)
        }
    }
}
