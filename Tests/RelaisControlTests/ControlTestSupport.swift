import RelaisTesting
import Foundation
import Logging
import RelaisCore
import Synchronization
@testable import RelaisControl

/// A request as the tests write it, one case per registered command.
enum TestRequest: Equatable, Sendable {
    case status, clients
    case authorize([MACAddress]), deauthorize([MACAddress]), block([MACAddress]), unblock([MACAddress])

    /// The request line the CLI would send, derived from the registry's types.
    func line() throws -> [UInt8] {
        switch self {
        case .status: try ControlEnvelope.request(StatusCommand.self, NoArguments())
        case .clients: try ControlEnvelope.request(ClientsCommand.self, NoArguments())
        case .authorize(let macs): try ControlEnvelope.request(AuthorizeCommand.self, MACBatch(macs))
        case .deauthorize(let macs): try ControlEnvelope.request(DeauthorizeCommand.self, MACBatch(macs))
        case .block(let macs): try ControlEnvelope.request(BlockCommand.self, MACBatch(macs))
        case .unblock(let macs): try ControlEnvelope.request(UnblockCommand.self, MACBatch(macs))
        }
    }
}

/// Any answer read back from the wire as plain fields, so tests see exactly what was sent.
struct WireAnswer: Decodable, Equatable {
    var ok: Bool
    var error: String?
    var errorCode: String?
    var status: StatusReport?
    var clients: [ClientReport]?
    var affected: Int?
    var unchanged: [MACAddress]?
    var invalid: [MACAddress]?

    static func status(_ report: StatusReport) -> WireAnswer { WireAnswer(ok: true, status: report) }
    static func clients(_ reports: [ClientReport]) -> WireAnswer { WireAnswer(ok: true, clients: reports) }
    static func batch(affected: Int, unchanged: [MACAddress] = [], invalid: [MACAddress] = []) -> WireAnswer {
        WireAnswer(ok: true, affected: affected, unchanged: unchanged, invalid: invalid)
    }

    static func decode(_ bytes: [UInt8]) throws -> WireAnswer {
        try ControlWire.decoder().decode(WireAnswer.self, from: Data(bytes))
    }
}

/// Answers every registered command predictably and remembers what it was asked.
final class RecordingHandler: Sendable {
    private let received = Mutex<[TestRequest]>([])
    private let answered = Mutex<[String]>([])
    let delay: Duration

    init(delay: Duration = .zero) {
        self.delay = delay
    }

    var requests: [TestRequest] { received.withLock { $0 } }
    /// Commands whose answer was written, in order (`ControlRouter.afterAnswer`).
    var answeredCommands: [String] { answered.withLock { $0 } }

    private func record(_ request: TestRequest) async {
        received.withLock { $0.append(request) }
        if delay > .zero { try? await Task.sleep(for: delay) }
    }

    var router: ControlRouter {
        var router = ControlRouter()
        router.on(StatusCommand.self) { _ in
            await self.record(.status)
            return StatusCommand.Response(status: Self.status)
        }
        router.on(ClientsCommand.self) { _ in
            await self.record(.clients)
            return ClientsCommand.Response(clients: [Self.client])
        }
        router.on(AuthorizeCommand.self) { batch in
            await self.record(.authorize(batch.macs))
            return BatchOutcome(affected: batch.macs.count)
        }
        router.on(DeauthorizeCommand.self) { batch in
            await self.record(.deauthorize(batch.macs))
            return BatchOutcome(affected: 0, unchanged: batch.macs)
        }
        router.on(BlockCommand.self) { batch in
            await self.record(.block(batch.macs))
            return BatchOutcome(affected: batch.macs.count - 1, invalid: [batch.macs[0]])
        }
        router.on(UnblockCommand.self) { batch in
            await self.record(.unblock(batch.macs))
            throw ControlFailure("refusé pour le test")
        }
        router.afterAnswer = { command, _ in self.answered.withLock { $0.append(command) } }
        return router
    }

    static let status = StatusReport(
        version: "0.1.0", uptimeSeconds: 3725, firewallMode: "nftables", liveSessions: 3, blockedDevices: 1,
        lanInterface: "wlan0", portalURL: "http://192.168.50.1:2050/")
    static let client = ClientReport(
        mac: MACAddress("aa:bb:cc:00:00:01")!, ipAddress: "192.168.50.20", origin: .portal,
        startedAt: Date(timeIntervalSince1970: 1_790_000_000), expiresAt: Date(timeIntervalSince1970: 1_790_014_400),
        secondsRemaining: 14_000, idleSeconds: 1800, termsVersion: "2026-11")
}

/// A fresh directory under /tmp (short paths: socket addresses are limited to 107 bytes), removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    var template = Array("/tmp/relais-ctl-XXXXXX".utf8CString)
    guard let created = mkdtemp(&template) else { throw ControlError(.systemCall, "mkdtemp", systemError: errno) }
    let path = String(cString: created)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// A started server on `directory/control.sock`; the caller stops it.
func startedServer(
    in directory: String, handler: RecordingHandler = RecordingHandler(), group: String? = nil,
    maxRequestBytes: Int = 4 << 20, readTimeout: Duration = .seconds(5), maxConnections: Int = 8,
    logs: LogRecorder = LogRecorder()
) throws -> ControlServer {
    let server = ControlServer(
        socketPath: directory + "/control.sock", group: group, router: handler.router, logger: logs.logger(),
        maxRequestBytes: maxRequestBytes, readTimeout: readTimeout, maxConnections: maxConnections)
    try server.start()
    return server
}

/// A raw connection the test drives by hand (to stay silent, or send odd bytes).
func rawConnection(to path: String) throws -> UnixSocket {
    let connection = try UnixSocket.make(path: path)
    try connection.connect(timeoutSeconds: 2)
    connection.setNonBlocking()
    return connection
}

func macs(_ count: Int, prefix: UInt64 = 0x02_00_00_00_00_00) -> [MACAddress] {
    (0..<count).map { MACAddress(rawValue: prefix + UInt64($0)) }
}

/// Runs blocking socket code on its own thread: blocking a cooperative-pool thread (two on this machine)
/// could starve the very handler task the server is waiting for.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

extension ControlClient {
    /// `send` from async test code, off the cooperative pool.
    func ask(_ request: TestRequest) async throws -> WireAnswer {
        let line = try request.line()
        return try await askRaw(line)
    }

    /// `exchange` from async test code, off the cooperative pool; the answer as its wire fields.
    func askRaw(_ bytes: [UInt8]) async throws -> WireAnswer {
        let answer = try await offPool { try exchange(bytes) }
        do {
            return try WireAnswer.decode(answer)
        } catch {
            throw ControlError(.protocolViolation, "réponse illisible du démon : \(ControlWire.explain(error))")
        }
    }
}
