import Foundation
import RelaisCore
import RelaisStore
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

    @Test func theVisitorSeesTheAgentOnDutyThenTheNearestPlace() async throws {
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
            #expect(daemon.stop() == 0)
            let counts = try await Self.usageCounts(database: workDirectory + "/relais.sqlite")
            #expect(counts["help.requests-made"] == 1, "\(counts)")
            #expect(counts["help.requests-taken"] == 1, "\(counts)")
            #expect(counts["kiosk.views"] == 1, "\(counts)")
            // /aide/demande and /aide/lieux; the welcome pages are not help pages.
            #expect(counts["help.views"] == 2, "\(counts)")
            #expect((counts["duty.on"] ?? 0) >= 1, "\(counts)")
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

        // « Je veux de l'aide », the agent takes it; the places and the kiosk are looked at.
        try askForHelp(network: network)
        try agent.submit(page: "/agent", action: "/prise")
        #expect(try phone.get(Self.portal + "/aide/lieux").status == 200)
        #expect(try phone.get(Self.portal + "/kiosk").status == 200)

        try agent.submit(page: "/agent", action: "/agent/presence")
        let after = try phone.get(Self.portal + "/")
        let banner = Self.helpSection(after.body)
        #expect(after.status == 200)
        #expect(!banner.contains("Camille"), "the agent checked out: \(banner)")
        #expect(banner.contains("Personne n’est à l’accueil ici en ce moment."), "\(banner)")
        // The nearest place from the imported directory, open now or with the time it opens.
        #expect(banner.contains("d’ici, est ouvert") || banner.contains("d’ici, ouvre"), "\(banner)")
    }

    /// The request form posted as a browser would, with one topic and a seat.
    private func askForHelp(network: TestNetwork) throws {
        let page = try VisitorDevice(namespace: network.client).get(Self.portal + "/aide/demande")
        let form = try require2(HTMLForm.find(in: page.body, actionContaining: "/aide/demande"), "no help request form")
        let token = try require2(form.fields.first { $0.0 == "token" }?.1, "no form token")
        let posted = try Shell.inNamespace(network.client, [
            "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "3",
            "--data-urlencode", "token=\(token)", "--data-urlencode", "topic=caf", "--data-urlencode", "seat=Table 3",
            Self.portal + "/aide/demande",
        ], check: false)
        #expect(posted.output == "303", "the request is received (HTTP \(posted.output))")
    }

    /// The usage stream once the daemon has stopped (it flushes at shutdown): the help offer's counters
    /// the daily report reads, today.
    static func usageCounts(database path: String) async throws -> [String: Int] {
        let database = try AppDatabase.openReadOnly(path: path)
        let now = Date()
        func local(_ date: Date) -> LocalDate {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
            return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        }
        let rows = try await database.usage(from: local(now.addingTimeInterval(-86_400)), through: local(now.addingTimeInterval(86_400)))
        return Dictionary(rows.map { ($0.metric.name, $0.amount) }, uniquingKeysWith: +)
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
