import Foundation
import RelaisHTTP
import RelaisMicroHTTPD
import RelaisTesting
import Testing

/// The staff listener's HTTPS through libmicrohttpd's GnuTLS support, with a certificate made for the test.
@Suite struct MicroHTTPDServerTLSTests {
    /// A self-signed P-256 certificate for localhost in a fresh folder, removed by the caller.
    static func makeCertificate() throws -> (folder: URL, certificate: String, key: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relais-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let status = try run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", folder.appendingPathComponent("key.pem").path, "-out", folder.appendingPathComponent("cert.pem").path,
        ]).status
        #expect(status == 0)
        return (folder,
                try String(contentsOf: folder.appendingPathComponent("cert.pem"), encoding: .utf8),
                try String(contentsOf: folder.appendingPathComponent("key.pem"), encoding: .utf8))
    }

    @discardableResult
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

    @Test func pageIsServedOverTLSAndMarkedSecure() async throws {
        let (folder, certificate, key) = try Self.makeCertificate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let responder = RecordingResponder()
        try await withServer(responder, configure: {
            $0.tls = .init(certificatePEM: certificate, keyPEM: key)
        }) { server in
            let url = "https://localhost:\(server.boundPort)/agents"
            let (status, body) = try Self.run("/usr/bin/curl", [
                "-s", "-m", "10", "--cacert", folder.appendingPathComponent("cert.pem").path,
                "--resolve", "localhost:\(server.boundPort):127.0.0.1", url,
            ])
            #expect(status == 0)
            #expect(body == "hello /agents")
            #expect(responder.last?.isSecure == true)

            // Plain HTTP to the TLS port: closed without an HTTP answer, and the listener keeps serving TLS.
            let plain = try await RawHTTPClient.exchange(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8), port: server.boundPort)
            #expect(plain.closed)
            #expect(plain.heads == 0)
            let again = try Self.run("/usr/bin/curl", [
                "-s", "-m", "10", "--cacert", folder.appendingPathComponent("cert.pem").path,
                "--resolve", "localhost:\(server.boundPort):127.0.0.1", url,
            ])
            #expect(again.output == "hello /agents")
        }
    }

    @Test func plainListenerMarksRequestsNotSecure() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try await client.readResponse()
            #expect(responder.last?.isSecure == false)
        }
    }

    @Test func unusableKeyFailsToStart() {
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "127.0.0.1", port: 0, tls: .init(certificatePEM: "not a certificate", keyPEM: "nor a key")),
            responder: RecordingResponder(), logger: LogRecorder().logger())
        do {
            try server.start()
            server.stop()
            Issue.record("started with garbage credentials")
        } catch {
            #expect(error.code == .startFailed)
        }
    }
}
