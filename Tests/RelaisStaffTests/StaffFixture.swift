import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisGateway
import RelaisHTTP
import RelaisStaff
import RelaisStore
import RelaisTesting
import RelaisWeb
import Synchronization

/// A wall clock the test moves by hand.
final class StaffTestClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var now: Date { instant.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The staff responder over a real SQLite store in memory, the real HMAC form tokens, scrypt (with a
/// cheap N so that lockout tests stay fast) and the real templates and catalogues.
struct StaffFixture {
    static let quietLogger = Logger(label: "relais.test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let assetsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("captive-portal").path
    static let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
    /// Monday 30 November 2026, 10:00 in Paris.
    static let monday10 = paris.instant(for: LocalDateTime(year: 2026, month: 11, day: 30, hour: 10)!)
    static let agentIP: IPAddress = "192.0.2.10"
    static let password = "cheval agrafe 42"

    let clock = StaffTestClock(monday10)
    let store: AppDatabase
    let desk: HelpDesk
    let hasher = ScryptPasswordHasher(parameters: .init(logN: 10, r: 8, p: 1), random: SystemRandomSource())
    let settings: StaffSettings
    let responder: StaffResponder

    init(throttle: SignInThrottle = SignInThrottle(maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowSeconds: 900, lockoutSeconds: 600)) throws {
        store = try AppDatabase.inMemory()
        desk = HelpDesk(store: store, zone: Self.paris, random: SystemRandomSource(), digest: SHA256Digest(), logger: Self.quietLogger)
        settings = StaffSettings(assetsDirectory: Self.assetsDirectory, venueName: "Mairie de Test", zone: Self.paris,
                                 sessionSeconds: 8 * 3600, formTokenSeconds: 900, throttle: throttle)
        let clock = self.clock
        responder = try StaffResponder(
            settings: settings, store: store, helpDesk: desk,
            codec: FormTokenCodec(authenticator: try HMACSHA256Authenticator(key: SystemRandomSource().randomBytes(32))),
            random: SystemRandomSource(), hasher: hasher, clock: { clock.now }, logger: Self.quietLogger)
    }

    @discardableResult
    func addAgent(_ login: String, name: String = "Marie Dupont", role: String = "Accueil", showsFirstName: Bool = true) async throws -> Agent {
        try await store.addAgent(NewAgent(login: login, displayName: name, role: role, showsFirstName: showsFirstName),
                                 passwordHash: try hasher.hash(Self.password), at: clock.now)
    }

    func get(_ target: String, from ip: IPAddress = agentIP, cookie: String? = nil, secure: Bool = false) async -> StaffResponse {
        await send("GET", target, from: ip, cookie: cookie, secure: secure)
    }

    func send(_ method: String, _ target: String, from ip: IPAddress = agentIP, cookie: String? = nil,
              form: [(String, String)]? = nil, secure: Bool = false) async -> StaffResponse {
        let parts = target.split(separator: "?", maxSplits: 1)
        var headers = [(name: "host", value: "accueil.example:8443")]
        if let cookie { headers.append((name: "cookie", value: cookie)) }
        var body: [UInt8] = []
        if let form {
            headers.append((name: "content-type", value: "application/x-www-form-urlencoded"))
            body = Array(form.map { "\(URLEncodedForm.encode($0.0))=\(URLEncodedForm.encode($0.1))" }.joined(separator: "&").utf8)
        }
        let request = HTTPRequest(method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
                                  headers: headers, body: body, clientAddress: ip, isSecure: secure)
        if let immediate = responder.immediateResponse(to: request) { return StaffResponse(immediate) }
        return StaffResponse(await responder.respond(to: request))
    }

    /// Opens the sign-in page and posts it, like a browser; returns the answer.
    func signIn(_ login: String, password: String = password, from ip: IPAddress = agentIP, secure: Bool = false) async -> StaffResponse {
        let page = await get("/agent/connexion", from: ip, secure: secure)
        return await send("POST", "/agent/connexion", from: ip,
                          form: [("token", page.hiddenToken() ?? ""), ("login", login), ("password", password)], secure: secure)
    }

    /// Signs in and returns the `Cookie` header value to send afterwards.
    func signedInCookie(_ login: String) async throws -> String {
        let answer = await signIn(login)
        guard let cookie = answer.sessionCookie else { throw StaffTestFailure("no session cookie (status \(answer.status))") }
        return cookie
    }

    /// Posts a form of the page at `page` whose action is `action`, with `extra` fields.
    func submit(page: String, action: String, cookie: String, extra: [(String, String)] = []) async throws -> StaffResponse {
        let html = await get(page, cookie: cookie).text
        guard let hidden = StaffResponse.hiddenFields(in: html, action: action) else { throw StaffTestFailure("no form to \(action) on \(page)") }
        let typed = Set(extra.map(\.0))
        return await send("POST", action, cookie: cookie, form: hidden.filter { !typed.contains($0.0) } + extra)
    }
}

struct StaffTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// An answer with its body as text and the helpers to read forms and cookies out of it.
struct StaffResponse {
    let response: HTTPResponse
    init(_ response: HTTPResponse) { self.response = response }

    var status: Int { response.status }
    var text: String { String(decoding: response.body, as: UTF8.self) }
    var location: String? { response.header("location") }
    var setCookies: [String] { response.headers.filter { $0.name.lowercased() == "set-cookie" }.map(\.value) }

    /// `relais_agent=<token>` from a Set-Cookie that sets (not deletes) it.
    var sessionCookie: String? {
        setCookies.first { $0.hasPrefix("relais_agent=") && !$0.hasPrefix("relais_agent=;") }
            .map { String($0.prefix { $0 != ";" }) }
    }

    /// The first hidden token of the page.
    func hiddenToken() -> String? { Self.token(in: text, action: nil) }

    /// The token of the form posting to `action` (any form when nil).
    static func token(in html: String, action: String?) -> String? {
        hiddenFields(in: html, action: action)?.first { $0.0 == "token" }?.1
    }

    /// The hidden fields (name, value) of the first form posting to `action` (any form when nil), as a browser sends them.
    static func hiddenFields(in html: String, action: String?) -> [(String, String)]? {
        var rest = html[...]
        while let start = rest.range(of: "<form ") {
            let form = rest[start.lowerBound...]
            let end = form.range(of: "</form>")?.upperBound ?? form.endIndex
            let body = form[..<end]
            let matches = action.map { body.contains("action=\"\($0)\"") } ?? true
            if matches {
                var fields: [(String, String)] = []
                var inputs = body[...]
                while let input = inputs.range(of: "<input type=\"hidden\" name=\"") {
                    let tail = inputs[input.upperBound...]
                    let name = String(tail.prefix { $0 != "\"" })
                    let value = tail.range(of: "value=\"").map { String(tail[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
                    fields.append((name, value))
                    inputs = tail
                }
                return fields
            }
            rest = form[end...]
        }
        return nil
    }
}
