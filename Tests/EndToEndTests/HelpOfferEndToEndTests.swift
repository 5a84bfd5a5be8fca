import Foundation
import RelaisTesting
import Testing

/// The help offer across the real daemon: an agent made with the CLI signs in and checks in on the staff
/// listener (loopback of the gateway namespace); a visitor in the client namespace, before connecting, sees
/// them on the welcome page; the agent checks out; the visitor's next page names the nearest place instead.
@Suite(.serialized) struct HelpOfferEndToEndTests {
    static let portal = "http://\(TestNetwork.portalAddress):2050"
    static let staffPort = 2051
    static let password = "une phrase de passe pour l'accueil"
    static var placesSample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/lieux-mediation-numerique-vienne.csv").path
    }

    @Test func theVisitorSeesTheAgentOnDutyThenTheNearestPlace() throws {
        guard Shell.isRoot else {
            print("EndToEndTests skipped: network namespaces need root (CI runs as root)")
            return
        }
        let binary = try #require(RelaisDaemon.locateBinary(), "build relais first (swift build) or set RELAIS_BIN")
        let network = try TestNetwork()
        let workDirectory = NSTemporaryDirectory() + "relais-e2e-help-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let daemon = RelaisDaemon(binary: binary, namespace: network.gateway, directory: workDirectory)
        defer {
            daemon.crash()
            network.tearDown()
            try? FileManager.default.removeItem(atPath: workDirectory)
        }
        do {
            try daemon.writeConfig(sessionDuration: "1h", idleTimeout: "30m")
            // The box in Poitiers, and the agents' listener on the gateway's loopback only.
            let extra = """

                [site]
                latitude = "46.5802"
                longitude = "0.3404"
                [staff]
                listen_address = "127.0.0.1"
                port = \(Self.staffPort)

                """
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: daemon.configPath))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(extra.utf8))
            try handle.close()
            try Shell.run([binary, "directory", "import", Self.placesSample, "--config", daemon.configPath])
            try Shell.run([binary, "agent", "add", "camille", "--name", "Camille Martin", "--role", "Conseillère numérique",
                           "--show-first-name", "--config", daemon.configPath], input: Self.password + "\n")
            try daemon.start(readinessFrom: network.client)
            try walkThrough(network: network, directory: workDirectory)
        } catch {
            Issue.record("\(error)\n--- relais log ---\n\(daemon.log)")
        }
    }

    private func walkThrough(network: TestNetwork, directory: String) throws {
        let agent = AgentBrowser(namespace: network.gateway, base: "http://127.0.0.1:\(Self.staffPort)", cookieJar: directory + "/agent.cookies")
        let phone = VisitorDevice(namespace: network.client)

        // Nobody on duty yet: the visitor is told of a place, not of a person.
        let before = try phone.get(Self.portal + "/")
        #expect(before.status == 200)
        #expect(!before.body.contains("Camille"))

        try agent.signIn(login: "camille", password: Self.password)
        try agent.submit(page: "/agent", action: "/agent/presence")
        // Before connecting: the welcome page names the aidant on duty and offers « Je veux de l'aide ».
        let onDuty = try phone.get(Self.portal + "/")
        #expect(onDuty.status == 200)
        #expect(onDuty.body.contains("Camille est à l’accueil"), "the welcome page shows the agent: \(Self.helpSection(onDuty.body))")
        #expect(onDuty.body.contains("/aide/demande"))

        try agent.submit(page: "/agent", action: "/agent/presence")
        let after = try phone.get(Self.portal + "/")
        let banner = Self.helpSection(after.body)
        #expect(after.status == 200)
        #expect(!banner.contains("Camille"), "the agent checked out: \(banner)")
        #expect(banner.contains("Personne n’est à l’accueil ici en ce moment."), "\(banner)")
        // The nearest place from the imported directory, open now or with the time it opens.
        #expect(banner.contains("d’ici, est ouvert") || banner.contains("d’ici, ouvre"), "\(banner)")
    }

    /// The help banner's section of a page (the whole page when there is none, for the failure message).
    static func helpSection(_ html: String) -> String {
        guard let start = html.range(of: "<section class=\"help\"") else { return html }
        let rest = html[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</section>")?.upperBound ?? rest.endIndex)])
    }
}

/// An agent's browser on the staff listener: curl inside the gateway namespace with a cookie jar, each form
/// posted with the token its page carries.
struct AgentBrowser {
    let namespace: String
    let base: String
    let cookieJar: String

    private func curl(_ path: String, _ extra: [String]) throws -> (status: Int, body: String) {
        let marker = "\n--relais-e2e-status--"
        let result = try Shell.inNamespace(namespace, [
            "curl", "-s", "--max-time", "5", "-b", cookieJar, "-c", cookieJar, "-w", "\(marker)%{http_code}",
        ] + extra + [base + path], check: false)
        guard let range = result.output.range(of: marker, options: .backwards) else { return (0, result.output) }
        return (Int(result.output[range.upperBound...]) ?? 0, String(result.output[..<range.lowerBound]))
    }

    /// Posts the form of `page` whose action contains `action`, with `fields` over the form's own.
    func submit(page: String, action: String, fields: [String: String] = [:]) throws {
        let html = try curl(page, [])
        #expect(html.status == 200, "GET \(page)")
        let form = try require2(HTMLForm.find(in: html.body, actionContaining: action), "no form \(action) on \(page)")
        var values = Dictionary(form.fields, uniquingKeysWith: { first, _ in first })
        values.merge(fields) { _, new in new }
        let posted = try curl(form.action, values.flatMap { ["--data-urlencode", "\($0.key)=\($0.value)"] })
        #expect(posted.status == 303, "POST \(form.action): \(posted.status) \(posted.body.prefix(300))")
    }

    func signIn(login: String, password: String) throws {
        try submit(page: "/agent/connexion", action: "/agent/connexion", fields: ["login": login, "password": password])
    }
}
