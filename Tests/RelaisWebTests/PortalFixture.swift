import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
import RelaisHTTP
import RelaisStore
import RelaisTesting
import RelaisWeb

/// The visitor-facing gateway for web tests: the real `Gateway` over the real store (SQLite in memory),
/// the in-memory firewall and neighbour table (only the gateway itself can fill the `ClientDirectory`
/// the pages read).
struct InMemoryVisitorGateway: VisitorGateway {
    let gateway: Gateway
    let store: AppDatabase
    let firewall = InMemoryFirewall()
    let neighbours = StaticNeighbourTable()

    init(clock: ManualClock, limits: SessionLimits, consent: ConsentSettings = ConsentSettings()) throws {
        store = try AppDatabase.inMemory()
        let hasher = DeviceHasher(authenticator: try HMACSHA256Authenticator(key: Array(repeating: 0x5A, count: 32)))
        gateway = Gateway(
            store: store, firewall: firewall, tracker: firewall, neighbours: neighbours,
            layout: FirewallLayout.testLayout, limits: limits, clocks: clock, logger: PortalFixture.quietLogger,
            consent: GatewayConsent(store: store, hasher: hasher, policy: consent.policy))
    }

    var directory: ClientDirectory { gateway.directory }

    func acceptTerms(ipAddress: IPAddress, termsVersion: String) async -> VisitorAcceptOutcome {
        await gateway.acceptTerms(ipAddress: ipAddress, termsVersion: termsVersion)
    }

    func logout(ipAddress: IPAddress) async -> Session? {
        await gateway.logout(ipAddress: ipAddress)
    }

    func acceptTerms(ipAddress: IPAddress, termsVersion: String, consent: ConsentChoice) async -> VisitorAcceptOutcome {
        await gateway.acceptTerms(ipAddress: ipAddress, termsVersion: termsVersion, consent: consent)
    }

    func remembersDevice(at ipAddress: IPAddress) -> Bool { gateway.remembersDevice(at: ipAddress) }
    func reconnectRemembered(ipAddress: IPAddress) async -> Session? { await gateway.reconnectRemembered(ipAddress: ipAddress) }
    func forgetDevice(ipAddress: IPAddress) async -> Bool { await gateway.forgetDevice(ipAddress: ipAddress) }
    func isRemembered(mac: MACAddress) -> Bool { gateway.isRemembered(mac: mac) }
}

/// A portal on 192.0.2.1:2050 with a manual clock, the real templates and a test HMAC.
struct PortalFixture {
    static let quietLogger = Logger(label: "relais.test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let assetsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("captive-portal").path

    static let visitorIP: IPAddress = "192.0.2.50"
    static let visitorMAC = MACAddress("02:00:5e:10:00:50")!

    let clock = ManualClock()
    let settings: PortalSettings
    let visitors: InMemoryVisitorGateway
    let responder: PortalResponder

    static let testNotice = NoticeSettings(
        controllerName: "Commune de Test", controllerAddress: "1 place de la Mairie, 86000 Poitiers", dpoContact: "dpo@test.example")

    init(venueName: String = "Médiathèque de Test", developmentMode: Bool = false, venueInfoURL: String? = "https://mairie.example/wifi",
         usedTokens: UsedFormTokens = UsedFormTokens(), notice: NoticeSettings = testNotice,
         consent: ConsentSettings = ConsentSettings(), help: InMemoryHelpOffer? = nil,
         kiosk: KioskSettings = KioskSettings(ssid: "Mairie-Wifi-Public", refreshSeconds: 60, placesURL: "")) async throws {
        var settings = PortalSettings(
            host: "192.0.2.1", port: 2050, venueName: venueName, termsVersion: "2026-11", venueInfoURL: venueInfoURL,
            formTokenSeconds: 900, sessionSeconds: 4 * 3600, idleSeconds: 30 * 60, maxBodyBytes: 16_384,
            developmentMode: developmentMode, assetsDirectory: Self.assetsDirectory)
        settings.notice = notice
        settings.consent = consent
        self.settings = settings
        visitors = try InMemoryVisitorGateway(
            clock: clock, limits: SessionLimits(sessionSeconds: 4 * 3600, idleSeconds: 30 * 60), consent: consent)
        visitors.neighbours.set(Self.visitorIP, Self.visitorMAC)
        try await visitors.gateway.start()
        let clock = self.clock
        responder = PortalResponder(
            settings: settings, gateway: visitors, codec: FormTokenCodec(authenticator: WebTestAuthenticator()),
            random: CountingRandomSource(), templates: try await PortalTemplates.load(from: settings.assetsDirectory),
            digest: SHA256Digest(), usedTokens: usedTokens, help: help.map { PortalHelp(offer: $0, kiosk: kiosk) },
            clock: { clock.now }, logger: Self.quietLogger)
    }

    /// A request as the server adapter would hand it over, for the portal host unless told otherwise.
    func request(_ method: String = "GET", _ target: String, host: String = "192.0.2.1:2050", from ip: IPAddress = visitorIP,
                 headers: [(name: String, value: String)] = [], body: String = "", contentType: String? = nil) -> HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var all = [(name: "host", value: host)] + headers
        if let contentType { all.append((name: "content-type", value: contentType)) }
        return HTTPRequest(method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
                           headers: all, body: Array(body.utf8), clientAddress: ip)
    }

    /// What the server does: the immediate answer, else the slow path.
    func send(_ request: HTTPRequest) async -> TestResponse {
        let response: HTTPResponse
        if let immediate = responder.immediateResponse(to: request) {
            response = immediate
        } else {
            response = await responder.respond(to: request)
        }
        return TestResponse(response)
    }

    func get(_ target: String, from ip: IPAddress = visitorIP, headers: [(name: String, value: String)] = []) async -> TestResponse {
        await send(request("GET", target, from: ip, headers: headers))
    }

    /// Posts the fields of a form found in a page, like a browser.
    func submit(_ form: BrowserForm, from ip: IPAddress = visitorIP) async -> TestResponse {
        await send(request("POST", form.action, from: ip, body: form.encodedBody, contentType: "application/x-www-form-urlencoded"))
    }

    /// Accepts the terms from `ip` through the pages; returns the confirmation.
    func connect(from ip: IPAddress = visitorIP) async throws -> TestResponse {
        let splash = await get("/", from: ip)
        let form = try BrowserForm.find(in: splash.text, action: "/connexion")
        return await submit(form, from: ip)
    }
}

extension FirewallLayout {
    static var testLayout: FirewallLayout {
        FirewallLayout(tableName: "relais", lanInterface: "veth0", portalPort: 2050, preauthIPv4: [], preauthIPv6: [], idleSeconds: 1800, maxDevices: 100)
    }
}
