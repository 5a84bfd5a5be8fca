import RelaisTesting
import Foundation
import RelaisHTTP
import RelaisMicroHTTPD
import Testing

/// Malformed and oversized requests, slow clients and start-up failures.
@Suite struct MicroHTTPDServerLimitsTests {
    @Test(arguments: [
        "GET / HTTX/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.x\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nNo colon in this header\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n",
    ])
    func malformedRequestGets400FromMHD(_ raw: String) async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send(raw)
            let response = try await client.readResponse()
            #expect(response.status == 400)
            #expect(responder.requests.withLock { $0.isEmpty })
        }
    }

    /// MHD 0.9.75 closes on a request line it cannot split at all, without an answer.
    @Test func unparseableRequestLineIsClosed() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GARBAGE\r\n\r\n")
            #expect(await client.isClosedByPeer())
            #expect(responder.requests.withLock { $0.isEmpty })
        }
    }

    /// The 16 KiB a connection gets still takes a 10 KiB request head; a larger one is refused by MHD
    /// with 431, not served half-read.
    @Test func requestHeadFitsTheConnectionMemory() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 10_000))\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            #expect(responder.last?.header("x-big")?.count == 10_000)
        }
        let refused = RecordingResponder()
        try await withServer(refused) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: 20_000))\r\n\r\n")
            #expect(try await client.readResponse().status == 431)
            #expect(refused.requests.withLock { $0.isEmpty })
        }
    }

    @Test func declaredOversizedBodyGets413AndClose() async throws {
        let responder = RecordingResponder()
        try await withServer(responder, configure: { $0.maxBodyBytes = 1000 }) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("POST /connexion HTTP/1.1\r\nHost: a\r\nContent-Length: 1001\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection")?.lowercased() == "close")
            #expect(await client.isClosedByPeer())
            #expect(responder.requests.withLock { $0.isEmpty })
        }
    }

    @Test func bodyAtTheLimitIsAccepted() async throws {
        let responder = RecordingResponder()
        try await withServer(responder, configure: { $0.maxBodyBytes = 1000 }) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" + String(repeating: "a", count: 1000))
            #expect(try await client.readResponse().status == 200)
            #expect(responder.last?.body.count == 1000)
        }
    }

    @Test func chunkedOversizedBodyGets413() async throws {
        let responder = RecordingResponder()
        try await withServer(responder, configure: { $0.maxBodyBytes = 1000 }) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            let chunk = String(repeating: "b", count: 600)
            try client.send("POST /p HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
            try client.send("258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(responder.requests.withLock { $0.isEmpty })
        }
    }

    @Test func stalledClientsDoNotHoldUpOthers() async throws {
        try await withServer(RecordingResponder()) { server in
            var stalled: [RawHTTPClient] = []
            for _ in 0..<4 {
                let client = try RawHTTPClient(port: server.boundPort)
                try client.send("GET /half HTTP/1.1\r\nHost: a\r\nX-Partial: ")
                stalled.append(client)
            }
            let clock = ContinuousClock()
            let start = clock.now
            let client = try RawHTTPClient(port: server.boundPort, timeoutSeconds: 10)
            try client.send("GET /whole HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try await client.readResponse()
            #expect(response.text == "hello /whole")
            // Stalled clients holding the pool would delay this answer to the 15 s connection timeout;
            // the bound leaves room for a loaded 2-core machine while still telling the two apart.
            #expect(clock.now - start < .seconds(8))
            withExtendedLifetime(stalled) {}
        }
    }

    @Test func idleConnectionIsClosedAfterTimeout() async throws {
        try await withServer(RecordingResponder(), configure: { $0.connectionTimeoutSeconds = 1 }) { server in
            let client = try RawHTTPClient(port: server.boundPort, timeoutSeconds: 4)
            try client.send("GET /half HTTP/1.1\r\n")
            #expect(await client.isClosedByPeer())
        }
    }

    @Test func invalidListenAddressIsRejected() {
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "portail.local", port: 0), responder: RecordingResponder(), logger: LogRecorder().logger())
        #expect(throws: MicroHTTPDError.self) { try server.start() }
        do { try server.start() } catch { #expect(error.code == .invalidAddress) }
    }

    @Test func invalidConfigurationIsRejected() {
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "127.0.0.1", port: 70000), responder: RecordingResponder(), logger: LogRecorder().logger())
        do {
            try server.start()
            Issue.record("start accepted port 70000")
        } catch {
            #expect(error.code == .invalidConfiguration)
        }
    }

    /// 192.0.2.1 (TEST-NET-1) is on no interface here: the bind fails and MHD's own message is logged.
    @Test func bindFailureIsReportedWithMHDMessage() {
        let logs = LogRecorder()
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "192.0.2.1", port: 0), responder: RecordingResponder(), logger: logs.logger())
        do {
            try server.start()
            server.stop()
            Issue.record("start bound to 192.0.2.1")
        } catch {
            #expect(error.code == .startFailed)
            #expect(error.message.contains("bind"))
            #expect(logs.lines.contains { $0.contains("mhd.message") })
        }
        #expect(server.boundPort == 0)
    }

    @Test func startTwiceIsAnError() throws {
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "127.0.0.1", port: 0), responder: RecordingResponder(), logger: LogRecorder().logger())
        try server.start()
        defer { server.stop() }
        do {
            try server.start()
            Issue.record("second start accepted")
        } catch {
            #expect(error.code == .invalidState)
        }
    }
}
