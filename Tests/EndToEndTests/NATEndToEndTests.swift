import Foundation
import RelaisTesting
import Testing

/// Deterministic NAT through the real daemon: two visitors accepted, each opening TCP and UDP flows to the
/// internet host, which sees the gateway's WAN address and, for each visitor, source ports in its own block.
extension CaptivePortalEndToEndTests {
    static let wanAddress = "198.51.100.1"
    static let portsPerDevice = 64

    @Test func visitorsLeaveByTheWANAddressFromTheirOwnPortBlocks() throws {
        guard Shell.isRoot else {
            print("EndToEndTests skipped: network namespaces need root (CI runs as root)")
            return
        }
        let binary = try #require(RelaisDaemon.locateBinary(), "build relais first (swift build) or set RELAIS_BIN")
        let network = try TestNetwork()
        let workDirectory = NSTemporaryDirectory() + "relais-e2e-nat-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let daemon = RelaisDaemon(binary: binary, namespace: network.gateway, directory: workDirectory)
        var second: SecondVisitor?
        var recorder: Process?
        defer {
            if let recorder, recorder.isRunning {
                kill(recorder.processIdentifier, SIGKILL)
                recorder.waitUntilExit()
            }
            daemon.crash()
            second?.remove()
            network.tearDown()
            try? FileManager.default.removeItem(atPath: workDirectory)
        }
        do {
            try network.startInternetServer(logFile: workDirectory + "/internet.log")
            second = try SecondVisitor(network: network)
            recorder = try Shell.start(in: network.internet, ["python3", "-c", SourcePortRecorder.listener], logFile: workDirectory + "/recorder.log")
            try daemon.writeConfig(sessionDuration: "1h", idleTimeout: "30m", portsPerDevice: Self.portsPerDevice)
            try daemon.start(readinessFrom: network.client)

            // The first visitor accepts first: the lowest block (0), then the second visitor the next one (1).
            let phone = VisitorDevice(namespace: network.client), laptop = VisitorDevice(namespace: second!.namespace)
            try accept(phone)
            // The daemon re-reads the neighbour table at most every 200 ms: a device it missed within that
            // window is refused as unknown (a person then retries). Let the laptop be known, then pass the window.
            _ = try laptop.probe(Self.probeURL, host: Self.probeHost)
            try waitUntil("the gateway knows the second device") {
                try Shell.inNamespace(network.gateway, ["ip", "neigh", "show", SecondVisitor.address]).output.contains(SecondVisitor.mac)
            }
            usleep(300_000)
            try accept(laptop)
            let status = try daemon.control(["status"])
            #expect(status.output.contains("NAT : 2 blocs de ports utilisés sur 1008"), "ctl status: \(status.output)")

            let devices = [(network.client, network.clientMAC, TestNetwork.clientAddress), (second!.namespace, SecondVisitor.mac, SecondVisitor.address)]
            let requisition = LegalRequisition(daemon: daemon)
            for (index, (namespace, mac, privateAddress)) in devices.enumerated() {
                let block = (1024 + index * Self.portsPerDevice)...(1024 + (index + 1) * Self.portsPerDevice - 1)
                let seen = try Self.flows(from: namespace)
                let seenAt = Date()
                #expect(seen.count == 5, "4 TCP connections and 1 UDP exchange recorded: \(seen)")
                for (address, port) in seen {
                    #expect(address == Self.wanAddress, "the internet host sees the WAN address, not \(address)")
                    #expect(block.contains(port), "visitor \(index + 1): source port \(port) outside its block \(block)")
                }
                // The requisition: who used (WAN address, this port) when the internet host saw it? Exactly this
                // visitor, with its block, although the other one was connected too.
                let port = try #require(seen.last?.1)
                let rows = try requisition.export(
                    publicPort: port, from: seenAt.addingTimeInterval(-1), to: seenAt.addingTimeInterval(1), reference: "test")
                #expect(rows.count == 1, "exactly one entry for port \(port): \(rows)")
                #expect(rows.first?["mac"] as? String == mac)
                #expect(rows.first?["private_ipv4"] as? String == privateAddress)
                #expect(rows.first?["public_address"] as? String == Self.wanAddress)
                #expect(rows.first?["nat_mode"] as? String == "port-blocks")
                #expect(rows.first?["port_first"] as? Int == block.lowerBound && rows.first?["port_last"] as? Int == block.upperBound,
                        "the visitor's block \(block): \(rows)")
                #expect(rows.first?["ended_at"] is NSNull, "the session is still open")
            }
            // Each export wrote its audit entry, with the reference and the count.
            #expect(try requisition.auditRows() == ["test|1", "test|1"])
            // Several one-second sweeps ran meanwhile: none found the NAT map out of step with the sessions.
            #expect(!daemon.log.contains("NAT map drift"), "no spurious NAT repair")
        } catch {
            Issue.record("\(error)\n--- relais log ---\n\(daemon.log)")
        }
    }

    /// Runs the caller in `namespace` until the recorder answers (the grant may take a moment to apply).
    static func flows(from namespace: String) throws -> [(String, Int)] {
        var lines: [Substring] = []
        try waitUntil("flows recorded by the internet host", seconds: 10) {
            let result = try Shell.inNamespace(namespace, ["python3", "-c", SourcePortRecorder.caller(target: TestNetwork.internetAddress, tcp: 4)], check: false)
            lines = result.output.split(separator: "\n")
            return lines.count == 5
        }
        return lines.compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        }
    }
}

/// A second visitor's device on the same LAN: a macvlan over the first client's link, with its own hardware
/// address, moved into a namespace of its own (its own routes, so its packets leave with its own address).
struct SecondVisitor {
    let namespace: String
    static let mac = "02:00:5e:10:00:0b"
    static let address = "192.0.2.11"

    init(network: TestNetwork) throws {
        namespace = network.client + "b"
        try Shell.run(["ip", "netns", "add", namespace])
        do {
            try Shell.inNamespace(namespace, ["ip", "link", "set", "lo", "up"])
            try Shell.inNamespace(network.client, ["ip", "link", "add", "link", "eth0", "name", "eth1", "address", Self.mac, "type", "macvlan", "mode", "bridge"])
            try Shell.inNamespace(network.client, ["ip", "link", "set", "eth1", "netns", namespace])
            try Shell.inNamespace(namespace, ["ip", "addr", "add", Self.address + "/24", "dev", "eth1"])
            try Shell.inNamespace(namespace, ["ip", "link", "set", "eth1", "up"])
            try Shell.inNamespace(namespace, ["ip", "route", "add", "default", "via", TestNetwork.portalAddress])
        } catch {
            remove()
            throw error
        }
    }

    func remove() {
        _ = try? Shell.run(["ip", "netns", "delete", namespace], check: false)
    }
}
