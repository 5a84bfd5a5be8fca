import Foundation
import Logging
import RelaisCore
import RelaisCrypto
import RelaisHTTP
import RelaisMicroHTTPD
import RelaisPush
import RelaisTesting
import Synchronization

/// A test CA, a server certificate it signed for 127.0.0.1 and localhost, and an unrelated CA, made with the
/// openssl tool in a fresh folder the caller removes.
struct TestCertificates {
    let folder: String
    var caFile: String { folder + "/ca.pem" }
    var otherCAFile: String { folder + "/other-ca.pem" }
    let serverCertificate: String
    let serverKey: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.path + "/relais-push-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        for name in ["ca", "other-ca"] {
            try Self.openssl(["req", "-x509"] + ec + ["-days", "1", "-subj", "/CN=Test departement \(name)",
                             "-keyout", "\(folder)/\(name).key", "-out", "\(folder)/\(name).pem"])
        }
        try Self.openssl(["req"] + ec + ["-subj", "/CN=localhost", "-keyout", "\(folder)/server.key", "-out", "\(folder)/server.csr"])
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: "\(folder)/san.ext", atomically: true, encoding: .utf8)
        try Self.openssl(["x509", "-req", "-in", "\(folder)/server.csr", "-CA", "\(folder)/ca.pem", "-CAkey", "\(folder)/ca.key",
                          "-CAcreateserial", "-days", "1", "-extfile", "\(folder)/san.ext", "-out", "\(folder)/server.pem"])
        serverCertificate = try String(contentsOfFile: "\(folder)/server.pem", encoding: .utf8)
        serverKey = try String(contentsOfFile: "\(folder)/server.key", encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("openssl \(arguments.first ?? "") failed") }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A minimal acknowledging collector: checks each delivery's Ed25519 signature, stores each report id once,
/// and answers with the ack; `dropAcks` answers that many deliveries 200 without the echo (an ack lost on the way).
final class AckingCollector: HTTPResponder {
    struct State {
        var deliveries: [String] = []
        var stored: [String] = []
        var dropAcks = 0
        var refuse: Set<String> = []
    }

    let publicKey: [UInt8]
    let state = Mutex(State())

    init(publicKey: [UInt8]) { self.publicKey = publicKey }

    var deliveries: [String] { state.withLock { $0.deliveries } }
    var stored: [String] { state.withLock { $0.stored } }

    func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "POST", let id = request.header("Relais-Report-Id"),
              let signatureText = request.header("Relais-Signature"), signatureText.hasPrefix("ed25519="),
              let signature = Data(base64Encoded: String(signatureText.dropFirst(8))),
              Ed25519Signer.verify(signature: Array(signature), of: request.body, publicKey: publicKey)
        else { return .text("bad signature", status: 401) }
        return state.withLock { state in
            state.deliveries.append(id)
            if state.refuse.contains(id) { return .text("malformed", status: 422) }
            if !state.stored.contains(id) { state.stored.append(id) }
            if state.dropAcks > 0 {
                state.dropAcks -= 1
                return .text("ok")
            }
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: CollectorAck.body(for: id))
        }
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse { .text("unexpected", status: 500) }
}

/// A TLS server on 127.0.0.1 (`port` 0: any free one) with the test certificate.
func startCollector(_ collector: AckingCollector, certificates: TestCertificates, port: Int = 0) throws -> MicroHTTPDServer {
    var configuration = MicroHTTPDServer.Configuration(listenAddress: "127.0.0.1", port: port)
    configuration.tls = .init(certificatePEM: certificates.serverCertificate, keyPEM: certificates.serverKey)
    let server = MicroHTTPDServer(configuration: configuration, responder: collector, logger: LogRecorder().logger())
    try server.start()
    return server
}

/// A signed daily report item for `day` of November 2026.
func signedReport(_ day: Int, signer: Ed25519Signer, at: Date) throws -> OutboxItem {
    let date = LocalDate(year: 2026, month: 11, day: day)!
    let report = DailyReport(boxID: BoxID("mairie-test")!, date: date, timeZone: "Europe/Paris", hoursInDay: 24,
                             threshold: .standard, epsilon: nil, tables: [])
    let body = report.canonicalBytes
    return OutboxItem(reportID: report.reportID, kind: .dailyReport, period: date, body: body,
                      signature: try signer.sign(body), createdAt: at)
}
