import RelaisTesting
import RelaisHTTP
import RelaisMicroHTTPD
import Synchronization
import Testing

/// Requests answered by `respond(to:)` off the MHD threads, and stopping while they run.
@Suite struct MicroHTTPDServerAsyncTests {
    @Test func asyncResponderAnswers() async throws {
        try await withServer(SlowResponder(delay: .milliseconds(50))) { server in
            let client = try RawHTTPClient(port: server.boundPort)
            try client.send("GET /slow?n=1 HTTP/1.1\r\nHost: a\r\n\r\n")
            let first = try await client.readResponse()
            #expect(first.status == 200)
            #expect(first.text == "slow /slow?n=1")
            #expect(first.header("Connection")?.lowercased() != "close")
            // The resumed connection stays usable for the next request.
            try client.send("GET /slow?n=2 HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try await client.readResponse().text == "slow /slow?n=2")
        }
    }

    @Test func twentyConcurrentAsyncRequestsAllComplete() async throws {
        let responder = SlowResponder(delay: .milliseconds(50))
        // All from 127.0.0.1: above the default 16 connections per address.
        try await withServer(responder, configure: { $0.perIPConnectionLimit = 32 }) { server in
            // Send all twenty before reading any, so that their `respond` calls can overlap.
            let clients = try openClients(20, port: server.boundPort) { index in
                "GET /item?i=\(index) HTTP/1.1\r\nHost: a\r\n\r\n"
            }
            for (index, client) in clients.enumerated() {
                let response = try await client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "slow /item?i=\(index)")
            }
            // A server that answered one request at a time would never run two at once.
            #expect(responder.peakInFlight.load(ordering: .sequentiallyConsistent) >= 2)
            #expect(responder.finished.load(ordering: .sequentiallyConsistent) == 20)
        }
    }

    /// Four slow requests on a pool of two threads: if a thread waited on one, `/fast` would too.
    @Test func poolThreadsNeverWaitOnAsyncWork() async throws {
        let responder = SlowResponder(delay: .seconds(2))
        try await withServer(responder, configure: { $0.threadPoolSize = 2 }) { server in
            let slow = try openClients(4, port: server.boundPort) { _ in "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n" }
            try await waitUntil { responder.started.load(ordering: .sequentiallyConsistent) == 4 }
            let fast = try RawHTTPClient(port: server.boundPort)
            try fast.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try await fast.readResponse().text == "fast")
            // Answered while all four slow ones still wait: no pool thread was held by them. (No bound on
            // the elapsed time: on the shared 2-core machine it was noise, and this count is the property.)
            #expect(responder.finished.load(ordering: .sequentiallyConsistent) == 0)
            for client in slow { #expect(try await client.readResponse().text == "slow /slow?") }
        }
    }

    @Test func stopWithRequestsInFlightAnswers503AndDoesNotCrash() async throws {
        let responder = SlowResponder(delay: .seconds(30))
        let logs = LogRecorder()
        var configuration = MicroHTTPDServer.Configuration(listenAddress: "127.0.0.1", port: 0)
        configuration.threadPoolSize = 2
        let server = MicroHTTPDServer(configuration: configuration, responder: responder, logger: logs.logger())
        try server.start()
        let clients = try openClients(3, port: server.boundPort) { _ in "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n" }
        try await waitUntil { responder.started.load(ordering: .sequentiallyConsistent) == 3 }
        let clock = ContinuousClock()
        let start = clock.now
        server.stop()
        #expect(clock.now - start < .seconds(2))
        for client in clients {
            let response = try await client.readResponse()
            #expect(response.status == 503)
            #expect(await client.isClosedByPeer())
        }
        // The cancelled tasks finish after the daemon is gone; their results must be dropped safely.
        try await waitUntil { responder.finished.load(ordering: .sequentiallyConsistent) == 3 }
        server.stop()
        #expect(server.boundPort == 0)
        #expect(logs.lines.contains { $0.contains("http.inflight=3") })
    }

    /// Tasks finishing while `stop` drains: each connection must be resumed exactly once, or MHD
    /// panics (still suspended at stop) or touches a freed connection.
    @Test func stopRacingCompletionsNeverCrashes() async throws {
        let responder = SlowResponder(delay: .milliseconds(3))
        for round in 0..<15 {
            let server = MicroHTTPDServer(
                configuration: .init(listenAddress: "127.0.0.1", port: 0), responder: responder, logger: LogRecorder().logger())
            try server.start()
            let clients = try openClients(8, port: server.boundPort, timeoutSeconds: 3) { index in
                "GET /r\(round)?i=\(index) HTTP/1.1\r\nHost: a\r\n\r\n"
            }
            try await Task.sleep(for: .milliseconds(round % 5))
            server.stop()
            for client in clients {
                // Answered (200 or 503) or closed unanswered; never left hanging.
                do {
                    let response = try await client.readResponse()
                    #expect([200, 503].contains(response.status))
                } catch {
                    #expect(!"\(error)".hasPrefix("no data within"), "connection left hanging")
                }
            }
        }
    }

    @Test func stopIsIdempotentAndRefusesNewConnections() async throws {
        let logs = LogRecorder()
        // An address no other test listens on: suites run in parallel, and another server may be given
        // the freed port on 127.0.0.1 at once.
        let server = MicroHTTPDServer(
            configuration: .init(listenAddress: "127.0.0.77", port: 0), responder: RecordingResponder(), logger: logs.logger())
        try server.start()
        let port = server.boundPort
        server.stop()
        server.stop()
        #expect(throws: RawClientError.self) { try RawHTTPClient(port: port, host: "127.0.0.77") }
        // A failed close would mean MHD had closed the quiesced socket already.
        #expect(logs.lines.isEmpty)
    }
}

/// Polls `condition` every 10 ms for up to 5 s.
func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<500 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("condition not met within 5 s")
}
