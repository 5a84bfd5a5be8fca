import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
import RelaisHTTP
import RelaisStore
import RelaisTesting
import RelaisWeb
import Testing

/// Never a URL, a host or DNS name, or a destination, anywhere in relais: not in a log statement of the
/// sources, not in the logs of a run, not in the database files.
@Suite struct NoDestinationLoggedTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Words that, in an interpolated expression or a metadata key of a log call, mean a visitor's destination.
    static let forbidden = ["url", "host", "dns", "domain", "destination", "continue", "target", "referer", "query", "request.path", "header("]
    /// Reviewed exceptions, with why: the box's own address, from the configuration, is no visitor's destination.
    static let allowed = ["portalSettings.portalURL"]

    /// Every `logger.<level>(…)` call of the sources, with its file, as text.
    static func logCalls() throws -> [(file: String, call: String)] {
        let sources = root.appendingPathComponent("Sources")
        var calls: [(String, String)] = []
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        for file in files {
            let text = Array(try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8))
            var index = 0
            while index < text.count {
                guard let range = String(text[index...]).range(of: #"logger\.(trace|debug|info|notice|warning|error|critical)\("#, options: .regularExpression) else { break }
                let start = index + String(text[index...])[..<range.lowerBound].count
                var depth = 0, end = start
                for position in start..<min(text.count, start + 4000) {
                    if text[position] == "(" { depth += 1 }
                    if text[position] == ")" { depth -= 1; if depth == 0 { end = position; break } }
                }
                calls.append((file, String(text[start...max(start, end)])))
                index = max(end, start + 1)
            }
        }
        return calls
    }

    @Test func noLogStatementInterpolatesADestination() throws {
        let calls = try Self.logCalls()
        #expect(calls.count > 50, "the scan finds the log calls")
        for (file, call) in calls {
            // Interpolated expressions and metadata keys: what a log line can carry beyond its constant message.
            let interpolations = call.matches(of: #/\\\(([^()]|\([^()]*\))*\)/#).map { String(call[$0.range]) }
            let keys = call.matches(of: #/"([a-z_]+\.[a-z_.]+)"\s*:/#).map { String($0.output.1) }
            for fragment in interpolations + keys {
                let lower = fragment.lowercased()
                guard !Self.allowed.contains(where: { fragment.contains($0) }) else { continue }
                for word in Self.forbidden where lower.contains(word) {
                    Issue.record("\(file): a log statement carries \(fragment) (\(word)): \(call.prefix(160))")
                }
            }
        }
    }

    /// A run of the portal with requests to other sites: neither the logs (every level) nor the database
    /// files keep their host, path or query.
    @Test func aRunKeepsNoTraceOfTheSitesVisitorsAskedFor() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/relais-no-destination-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let logs = LogRecorder()
        let clock = ManualClock()
        do {
            let database = try AppDatabase.open(path: directory + "/relais.sqlite")
            let firewall = InMemoryFirewall(), neighbours = StaticNeighbourTable()
            neighbours.set(PortalFixture.visitorIP, PortalFixture.visitorMAC)
            let gateway = Gateway(
                store: database, firewall: firewall, tracker: firewall, neighbours: neighbours, layout: .testLayout,
                limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), clocks: clock, logger: logs.logger())
            try await gateway.start()
            let settings = PortalSettings(
                host: "192.0.2.1", port: 2050, venueName: "Médiathèque", termsVersion: "2026-11", venueInfoURL: nil,
                formTokenSeconds: 900, sessionSeconds: 3600, idleSeconds: 600, maxBodyBytes: 16_384,
                developmentMode: false, assetsDirectory: PortalFixture.assetsDirectory)
            let responder = PortalResponder(
                settings: settings, gateway: gateway, codec: FormTokenCodec(authenticator: WebTestAuthenticator()),
                random: CountingRandomSource(), templates: try await PortalTemplates.load(from: settings.assetsDirectory),
                digest: SHA256Digest(), clock: { clock.now }, logger: logs.logger())
            func send(_ method: String, _ path: String, query: String = "", host: String, body: String = "") async -> HTTPResponse {
                var headers = [(name: "host", value: host), (name: "referer", value: "http://secret-destination.example/referrer-page")]
                if method == "POST" { headers.append((name: "content-type", value: "application/x-www-form-urlencoded")) }
                let request = HTTPRequest(method: method, path: path, query: query, headers: headers, body: Array(body.utf8),
                                          clientAddress: PortalFixture.visitorIP)
                if let immediate = responder.immediateResponse(to: request) { return immediate }
                return await responder.respond(to: request)
            }
            _ = await send("GET", "/private-page/needle-path", query: "needle-query=1", host: "secret-destination.example")
            _ = await send("GET", "/generate_204", host: "connectivitycheck.gstatic.com")
            let splash = await send("GET", "/", query: "continue=http%3A%2F%2Fsecret-destination.example%2Fneedle-path", host: "192.0.2.1:2050")
            let form = try BrowserForm.find(in: String(decoding: splash.body, as: UTF8.self), action: "/connexion")
            _ = await send("POST", "/connexion", host: "192.0.2.1:2050", body: form.encodedBody)
            _ = await send("POST", "/connexion", host: "192.0.2.1:2050", body: form.encodedBody)  // replayed: refused, logged
            #expect(gateway.directory.count == 1, "the visitor got through")
            _ = await gateway.logout(ipAddress: PortalFixture.visitorIP)
        }
        var stored: [UInt8] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
            stored += try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
        }
        let logged = logs.lines.joined(separator: "\n")
        #expect(!logged.isEmpty)
        for needle in ["secret-destination", "needle-path", "needle-query", "referrer-page", "gstatic", "generate_204"] {
            #expect(!logged.contains(needle), "the logs hold \(needle)")
            #expect(!String(decoding: stored, as: UTF8.self).contains(needle), "the database files hold \(needle)")
        }
    }
}
