import RelaisTesting
import Foundation
import Logging
import RelaisCore
import Synchronization
@testable import RelaisControl

/// Answers every request kind predictably and remembers what it was asked.
final class RecordingHandler: ControlHandler {
    private let received = Mutex<[ControlRequest]>([])
    let delay: Duration

    init(delay: Duration = .zero) {
        self.delay = delay
    }

    var requests: [ControlRequest] { received.withLock { $0 } }

    func handle(_ request: ControlRequest) async -> ControlResponse {
        received.withLock { $0.append(request) }
        if delay > .zero { try? await Task.sleep(for: delay) }
        switch request {
        case .status: return .status(Self.status)
        case .clients: return .clients([Self.client])
        case .authorize(let macs): return .batch(affected: macs.count)
        case .deauthorize(let macs): return .batch(affected: 0, unchanged: macs)
        case .block(let macs): return .batch(affected: macs.count - 1, invalid: [macs[0]])
        case .unblock: return .failure("refusé pour le test")
        }
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
    in directory: String, handler: any ControlHandler = RecordingHandler(), group: String? = nil,
    maxRequestBytes: Int = 4 << 20, readTimeout: Duration = .seconds(5), maxConnections: Int = 8,
    logs: LogRecorder = LogRecorder()
) throws -> ControlServer {
    let server = ControlServer(
        socketPath: directory + "/control.sock", group: group, handler: handler, logger: logs.logger(),
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
    func ask(_ request: ControlRequest) async throws -> ControlResponse {
        try await offPool { try send(request) }
    }

    /// `exchange` from async test code, off the cooperative pool.
    func askRaw(_ bytes: [UInt8]) async throws -> ControlResponse {
        try await offPool { try exchange(bytes) }
    }
}
