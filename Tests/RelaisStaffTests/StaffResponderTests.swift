import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
import RelaisHTTP
import RelaisMicroHTTPD
import RelaisTesting
import RelaisWeb
import Testing
@testable import RelaisStore

/// The staff pages exist only on the staff listener, and serve over TLS with a secure cookie.
@Suite struct StaffResponderTests {
    @Test func noSignInOnTheVisitorsListener() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        // The visitors' portal over the same database, as `relais serve` builds it.
        let firewall = InMemoryFirewall()
        let gateway = Gateway(
            store: fixture.store, firewall: firewall, tracker: firewall, neighbours: StaticNeighbourTable(),
            layout: FirewallLayout(tableName: "relais", lanInterface: "veth0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [],
                                   idleSeconds: 1800, maxDevices: 10),
            limits: SessionLimits(sessionSeconds: 3600, idleSeconds: 600), clocks: ManualClock(), logger: StaffFixture.quietLogger)
        let settings = PortalSettings(
            host: "192.0.2.1", port: 2050, venueName: "Mairie de Test", termsVersion: "1", venueInfoURL: nil, formTokenSeconds: 900,
            sessionSeconds: 3600, idleSeconds: 600, maxBodyBytes: 16_384, developmentMode: false, assetsDirectory: StaffFixture.assetsDirectory)
        let portal = PortalResponder(
            settings: settings, gateway: gateway,
            codec: FormTokenCodec(authenticator: try HMACSHA256Authenticator(key: SystemRandomSource().randomBytes(32))),
            random: SystemRandomSource(), templates: try await PortalTemplates.load(from: StaffFixture.assetsDirectory), digest: SHA256Digest(),
            logger: StaffFixture.quietLogger)
        // A valid sign-in form from the staff listener, replayed on the visitors' one.
        let token = await fixture.get("/agent/connexion").hiddenToken() ?? ""
        let body = Array("token=\(token)&login=marie&password=\(URLEncodedForm.encode(StaffFixture.password))".utf8)
        for (method, path) in [("GET", "/agent/connexion"), ("POST", "/agent/connexion"), ("GET", "/agent"), ("POST", "/agent/presence")] {
            let request = HTTPRequest(
                method: method, path: path, headers: [("host", "192.0.2.1:2050"), ("content-type", "application/x-www-form-urlencoded")],
                body: method == "POST" ? body : [], clientAddress: StaffFixture.agentIP)
            let response: HTTPResponse
            if let immediate = portal.immediateResponse(to: request) { response = immediate } else { response = await portal.respond(to: request) }
            #expect(response.status == 404, "\(method) \(path)")
            #expect(!response.headers.contains { $0.name.lowercased() == "set-cookie" && $0.value.hasPrefix("relais_agent") })
        }
        let sessions = try fixture.store.withConnection { db in try db.integer("SELECT COUNT(*) FROM staff_session") }
        #expect(sessions == 0)
        // The same form still works where it belongs: nothing was spent on the portal.
        let signedIn = await fixture.send("POST", "/agent/connexion", form: [("token", token), ("login", "marie"), ("password", StaffFixture.password)])
        #expect(signedIn.status == 303)
    }

    @Test func liveOverTLSWithATestCA() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let pki = try TestPKI()
        defer { pki.remove() }
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "127.0.0.1", port: 0, tls: .init(certificatePEM: pki.certificate, keyPEM: pki.key)),
            responder: fixture.responder, logger: StaffFixture.quietLogger)
        try server.start()
        defer { server.stop() }
        let base = "https://localhost:\(server.boundPort)"
        let curl = ["-s", "-m", "10", "--cacert", pki.caPath, "--resolve", "localhost:\(server.boundPort):127.0.0.1",
                    "-c", pki.folder + "/jar", "-b", pki.folder + "/jar"]
        let page = try TestPKI.run("/usr/bin/curl", curl + ["\(base)/agent/connexion"])
        #expect(page.status == 0)
        let token = try #require(StaffResponse.token(in: page.output, action: "/agent/connexion"))
        let post = try TestPKI.run("/usr/bin/curl", curl + [
            "-i", "--data-urlencode", "token=\(token)", "--data-urlencode", "login=marie",
            "--data-urlencode", "password=\(StaffFixture.password)", "\(base)/agent/connexion",
        ])
        #expect(post.output.hasPrefix("HTTP/1.1 303"))
        let cookieLine = post.output.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: relais_agent=") } ?? ""
        #expect(cookieLine.contains("; Secure") && cookieLine.contains("HttpOnly") && cookieLine.contains("SameSite=Strict"))
        let home = try TestPKI.run("/usr/bin/curl", curl + ["\(base)/agent"])
        #expect(home.output.contains("Marie Dupont"))
        #expect(home.output.contains("Accueil des agents"))
    }
}

/// A certificate authority made for the test and a server certificate for localhost it signed, in a
/// fresh folder the test removes.
struct TestPKI {
    let folder: String
    let certificate: String
    let key: String
    var caPath: String { folder + "/ca.pem" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.path + "/relais-staff-pki-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
             "-subj", "/CN=relais test CA", "-keyout", folder + "/ca-key.pem", "-out", folder + "/ca.pem"],
            ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
             "-keyout", folder + "/key.pem", "-out", folder + "/server.csr"],
            ["x509", "-req", "-in", folder + "/server.csr", "-CA", folder + "/ca.pem", "-CAkey", folder + "/ca-key.pem",
             "-CAcreateserial", "-days", "1", "-extfile", folder + "/san.cnf", "-out", folder + "/cert.pem"],
        ]
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: folder + "/san.cnf", atomically: true, encoding: .utf8)
        for arguments in steps {
            let result = try Self.run("/usr/bin/openssl", arguments)
            guard result.status == 0 else { throw StaffTestFailure("openssl \(arguments[0]) failed") }
        }
        certificate = try String(contentsOfFile: folder + "/cert.pem", encoding: .utf8)
        key = try String(contentsOfFile: folder + "/key.pem", encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

@Suite struct StaffTemplatesTests {
    @Test func everyTextTheCodeReadsIsInBothCatalogues() throws {
        _ = try PageTemplateSet.load(from: StaffFixture.assetsDirectory, pages: ["staff/error", "staff/layout", "staff/header"],
                                     codeKeys: ["staff.home.until": ["time"]])
        #expect(throws: CatalogueError.self) {
            _ = try PageTemplateSet.load(from: StaffFixture.assetsDirectory, pages: ["staff/error", "staff/layout", "staff/header"],
                                         codeKeys: ["staff.no.such.key": []])
        }
        #expect(throws: CatalogueError.self) {
            _ = try PageTemplateSet.load(from: StaffFixture.assetsDirectory, pages: ["staff/error", "staff/layout", "staff/header"],
                                         codeKeys: ["staff.home.until": ["hour"]])
        }
        #expect(throws: PortalWebError.self) {
            _ = try PageTemplateSet.load(from: StaffFixture.assetsDirectory, pages: ["staff/none"])
        }
    }
}
