import Foundation
import RelaisTesting
import Testing

/// The visitor's whole path on real libmicrohttpd, SQLite and nftables, in namespaces made by the test:
/// redirected, accepts, reaches the internet; logs out, expires, survives `kill -9`; no IPv6 bypass.
@Suite(.serialized) struct CaptivePortalEndToEndTests {
    static let probeHost = "connectivitycheck.gstatic.com"
    static let probeURL = "http://connectivitycheck.gstatic.com/generate_204"
    static let portal = "http://\(TestNetwork.portalAddress):2050"

    @Test func visitorPathThroughTheRealGateway() throws {
        guard Shell.isRoot else {
            print("EndToEndTests skipped: network namespaces need root (CI runs as root)")
            return
        }
        let binary = try #require(RelaisDaemon.locateBinary(), "build relais first (swift build) or set RELAIS_BIN")
        let network = try TestNetwork()
        let workDirectory = NSTemporaryDirectory() + "relais-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let daemon = RelaisDaemon(binary: binary, namespace: network.gateway, directory: workDirectory)
        defer {
            daemon.crash()
            network.tearDown()
            try? FileManager.default.removeItem(atPath: workDirectory)
        }
        do {
            try network.startInternetServer(logFile: workDirectory + "/internet.log")
            try daemon.writeConfig(sessionDuration: "1h", idleTimeout: "30m")
            try daemon.start(readinessFrom: network.client)
            try walkThrough(network: network, daemon: daemon)
        } catch {
            Issue.record("\(error)\n--- relais log ---\n\(daemon.log)")
        }
    }

    private func walkThrough(network: TestNetwork, daemon: RelaisDaemon) throws {
        let phone = VisitorDevice(namespace: network.client)

        // 1. Before acceptance: every probe is redirected to the portal, IPv6 goes nowhere.
        try expectRedirected(phone, "before acceptance")
        let v6 = try phone.probe("http://\(Self.probeHost)/generate_204", host: Self.probeHost, family: "-6")
        #expect(v6.status != 204, "unauthorized IPv6 must not reach the internet (got \(v6.status))")
        // HTTPS before acceptance is refused by the gateway at once (TCP reset), not left to time out: the
        // internet host drops tcp/443 silently, so only the gateway's reset can make the connect fail fast.
        // curl exits 7 for "connection refused", 28 for a timeout.
        try network.dropHTTPSAtTheInternetHost()
        let https = try Shell.inNamespace(network.client, [
            "curl", "-s", "-o", "/dev/null", "--connect-timeout", "5", "https://\(TestNetwork.internetAddress)/",
        ], check: false)
        #expect(https.status == 7, "unaccepted HTTPS is reset by the gateway (curl exit \(https.status), 28 = timeout)")

        // 2. The visitor opens the portal and accepts, like a browser: follow the redirect, post the form.
        //    A connection the phone kept alive from before (redirected to the portal) must not keep
        //    talking to the portal afterwards: the firewall resets it, so the phone reconnects outside.
        let stale = try StaleConnection(namespace: network.client, directory: daemon.directory)
        try accept(phone)
        #expect(try stale.secondAnswer() == "reset", "a connection redirected before acceptance is reset after it")
        let online = try phone.probe(Self.probeURL, host: Self.probeHost)
        #expect(online.status == 204, "after acceptance the probe reaches the internet")
        let online6 = try phone.probe(Self.probeURL, host: Self.probeHost, family: "-6")
        #expect(online6.status == 204, "after acceptance IPv6 passes too")

        // 3. The operator sees the device.
        let clients = try daemon.control(["clients", "--json"])
        #expect(clients.status == 0)
        #expect(clients.output.contains(network.clientMAC), "ctl clients lists the device: \(clients.output)\(clients.error)")

        // 4. « Se déconnecter » → redirected again.
        let status = try phone.get(Self.portal + "/statut")
        #expect(status.status == 200)
        let loggedOut = try phone.submitForm(in: status.body, action: "deconnexion", base: Self.portal)
        #expect(loggedOut.status == 200)
        try expectRedirected(phone, "after logout")

        // 5. Operator deauth and pre-authorization by MAC.
        #expect(try daemon.control(["auth", network.clientMAC]).status == 0)
        #expect(try phone.probe(Self.probeURL, host: Self.probeHost).status == 204, "operator auth lets the device through")
        #expect(try daemon.control(["deauth", network.clientMAC]).status == 0)
        try expectRedirected(phone, "after operator deauth")

        // 6. kill -9 and restart: the authorized device still passes, restored from SQLite.
        try accept(phone)
        daemon.crash()
        try daemon.start(readinessFrom: network.client)
        #expect(try phone.probe(Self.probeURL, host: Self.probeHost).status == 204, "still authorized after kill -9 and restart")

        // 7. A clean stop removes the table; then a short session expires by itself.
        #expect(daemon.stop() == 0, "relais exits 0 on SIGTERM")
        let tables = try Shell.inNamespace(network.gateway, ["nft", "list", "tables"])
        #expect(!tables.output.contains("relais"), "the relais table is removed at stop: \(tables.output)")
        try daemon.writeConfig(sessionDuration: "4s", idleTimeout: "4s")
        try daemon.start(readinessFrom: network.client)
        #expect(try phone.probe(Self.probeURL, host: Self.probeHost).status == 204, "restored after a clean restart")
        #expect(try daemon.control(["deauth", "-"], input: network.clientMAC + "\n").status == 0, "batch deauth from stdin")
        try expectRedirected(phone, "after batch deauth")
        try accept(phone)
        #expect(try phone.probe(Self.probeURL, host: Self.probeHost).status == 204)
        try waitUntil("session expiry", seconds: 12) {
            try phone.probe(Self.probeURL, host: Self.probeHost).status == 302
        }
        #expect(daemon.stop() == 0)

        // 8. At capacity: `ctl auth` refuses each device beyond the room by name and exits non-zero; a
        //    visitor is told to try again later.
        try daemon.writeConfig(sessionDuration: "1h", idleTimeout: "30m", maxDevices: 2)
        try daemon.start(readinessFrom: network.client)
        let others = ["02:00:5e:10:00:f1", "02:00:5e:10:00:f2", "02:00:5e:10:00:f3"]
        let full = try daemon.control(["auth"] + others)
        #expect(full.status == 1, "ctl auth exits non-zero when a device is refused")
        #expect(full.error.contains("02:00:5e:10:00:f3 (capacité atteinte"), "the refused device is named: \(full.error)")
        #expect(!full.error.contains("02:00:5e:10:00:f1"))
        let redirect = try phone.probe(Self.probeURL, host: Self.probeHost)
        let page = try phone.get(redirect.location)
        let refused = try phone.submitForm(in: page.body, action: "connexion", base: Self.portal)
        #expect(refused.status == 503, "a visitor beyond the capacity is refused (got \(refused.status))")
        #expect(daemon.log.contains("capacity reached"), "the operator's log says the capacity was reached")
        #expect(daemon.stop() == 0)
    }

    func accept(_ phone: VisitorDevice) throws {
        let redirect = try phone.probe(Self.probeURL, host: Self.probeHost)
        try #require(redirect.status == 302, "probe redirected (got \(redirect.status))")
        let page = try phone.get(redirect.location)
        try #require(page.status == 200, "portal page served (got \(page.status))")
        #expect(page.body.contains("lang=\"fr\""))
        let confirmation = try phone.submitForm(in: page.body, action: "connexion", base: Self.portal)
        try #require(confirmation.status == 200, "acceptance confirmed (got \(confirmation.status)): \(confirmation.body.prefix(300))")
    }

    private func expectRedirected(_ phone: VisitorDevice, _ when: String) throws {
        let probes: [(String, String)] = [
            (Self.probeURL, Self.probeHost),
            ("http://captive.apple.com/hotspot-detect.html", "captive.apple.com"),
            ("http://www.msftconnecttest.com/connecttest.txt", "www.msftconnecttest.com"),
            ("http://detectportal.firefox.com/success.txt", "detectportal.firefox.com"),
            ("http://nmcheck.gnome.org/check_network_status.txt", "nmcheck.gnome.org"),
        ]
        for (url, host) in probes {
            let answer = try phone.probe(url, host: host)
            #expect(answer.status == 302, "\(when): \(url) must be redirected, got \(answer.status)")
            #expect(answer.location.hasPrefix(Self.portal), "\(when): redirect goes to the portal, got \(answer.location)")
        }
    }
}
