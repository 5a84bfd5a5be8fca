import Foundation
import RelaisTesting

/// Three network namespaces the test makes and removes itself: a visitor's device ("client"),
/// the box running relais ("gateway") and a stand-in for the internet ("internet").
/// Only documentation address ranges are used, and only inside these namespaces.
final class TestNetwork {
    let client: String
    let gateway: String
    let internet: String
    let clientMAC = "02:00:5e:10:00:0a"

    static let portalAddress = "192.0.2.1"
    static let clientAddress = "192.0.2.10"
    static let internetAddress = "198.51.100.2"
    static let internetAddress6 = "2001:db8:2::2"

    private var serverProcesses: [Process] = []

    init() throws {
        let tag = String(getpid() % 100_000, radix: 36) + String(Int.random(in: 0..<1296), radix: 36)
        client = "rlc-\(tag)"
        gateway = "rlg-\(tag)"
        internet = "rln-\(tag)"
        do {
            try build()
        } catch {
            tearDown()
            throw error
        }
    }

    private func build() throws {
        for namespace in [client, gateway, internet] {
            try Shell.run(["ip", "netns", "add", namespace])
            try Shell.inNamespace(namespace, ["ip", "link", "set", "lo", "up"])
        }
        // Visitor LAN: client ↔ gateway.
        try Shell.run(["ip", "link", "add", "eth0", "netns", client, "address", clientMAC, "type", "veth", "peer", "name", "lan0", "netns", gateway])
        // Uplink: gateway ↔ internet.
        try Shell.run(["ip", "link", "add", "wan0", "netns", gateway, "type", "veth", "peer", "name", "eth0", "netns", internet])

        try configure(client, device: "eth0", v4: "192.0.2.10/24", v6: "2001:db8:1::10/64")
        try Shell.inNamespace(client, ["ip", "route", "add", "default", "via", Self.portalAddress])
        try Shell.inNamespace(client, ["ip", "-6", "route", "add", "default", "via", "2001:db8:1::1"])

        try configure(gateway, device: "lan0", v4: "192.0.2.1/24", v6: "2001:db8:1::1/64")
        try configure(gateway, device: "wan0", v4: "198.51.100.1/24", v6: "2001:db8:2::1/64")
        try Shell.inNamespace(gateway, ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1"])
        try Shell.inNamespace(gateway, ["sysctl", "-q", "-w", "net.ipv6.conf.all.forwarding=1"])

        try configure(internet, device: "eth0", v4: "198.51.100.2/24", v6: "2001:db8:2::2/64")
        try Shell.inNamespace(internet, ["ip", "route", "add", "192.0.2.0/24", "via", "198.51.100.1"])
        try Shell.inNamespace(internet, ["ip", "-6", "route", "add", "2001:db8:1::/64", "via", "2001:db8:2::1"])
    }

    private func configure(_ namespace: String, device: String, v4: String, v6: String) throws {
        try Shell.inNamespace(namespace, ["ip", "addr", "add", v4, "dev", device])
        try Shell.inNamespace(namespace, ["ip", "-6", "addr", "add", v6, "dev", device, "nodad"])
        try Shell.inNamespace(namespace, ["ip", "link", "set", device, "up"])
    }

    /// Starts the "internet" web server answering like the probe hosts do when online.
    func startInternetServer(logFile: String) throws {
        let script = #"""
        import http.server, socket
        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                if self.path.startswith("/generate_204"):
                    self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers(); return
                body = b"Success" if "hotspot-detect" in self.path else b"internet"
                self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args): pass
        class S(http.server.ThreadingHTTPServer):
            address_family = socket.AF_INET6
            def server_bind(self):
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
                super().server_bind()
        S(("::", 80), H).serve_forever()
        """#
        serverProcesses.append(try Shell.start(in: internet, ["python3", "-c", script], logFile: logFile))
        try waitUntil("internet server up") {
            (try? Shell.inNamespace(internet, ["curl", "-s", "-o", "/dev/null", "--max-time", "1", "http://127.0.0.1/"]))?.status == 0
        }
    }

    /// Makes the internet host drop tcp/443 without an answer, as a host behind a silent firewall does.
    func dropHTTPSAtTheInternetHost() throws {
        try Shell.inNamespace(internet, ["nft", "add table inet blackhole; add chain inet blackhole input { type filter hook input priority 0; }; add rule inet blackhole input tcp dport 443 drop"])
    }

    /// Stops what was started (by pid) and deletes the namespaces, whatever happened before.
    func tearDown() {
        for process in serverProcesses where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        serverProcesses.removeAll()
        for namespace in [client, gateway, internet] {
            _ = try? Shell.run(["ip", "netns", "delete", namespace], check: false)
        }
    }
}

/// Polls `condition` every 100 ms until it holds, or throws after `seconds`.
func waitUntil(_ what: String, seconds: Double = 10, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return }
        usleep(100_000)
    }
    struct Timeout: Error, CustomStringConvertible { var description: String }
    throw Timeout(description: "timed out waiting for \(what)")
}
