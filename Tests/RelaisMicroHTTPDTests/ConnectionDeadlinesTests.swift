import RelaisTesting
import RelaisHTTP
import RelaisMicroHTTPD
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Slow clients (slowloris, slow POST) from many loopback addresses: a normal visitor is served while
/// they are connected, and each of them is cut once the request deadline has passed, although it keeps
/// sending a byte now and then (which MHD's idle timeout alone would accept for ever).
@Suite(.serialized) struct ConnectionDeadlinesTests {
    /// 127.0.0.2 … 127.0.0.38: 37 source addresses, as in the benchmark scenario.
    static let sources = (2...38).map { "127.0.0.\($0)" }

    @Test func slowClientsAreCutAtTheDeadlineWhileOthersAreServed() async throws {
        try await withServer(RecordingResponder(), configure: {
            $0.requestDeadlineSeconds = 2
            $0.connectionTimeoutSeconds = 30
            $0.perIPConnectionLimit = 4
        }) { server in
            // Three per address: half send a head byte by byte, half a body byte by byte.
            var slow: [RawHTTPClient] = []
            for (index, source) in Self.sources.enumerated() {
                for copy in 0..<3 {
                    let client = try RawHTTPClient(port: server.boundPort, source: source, timeoutSeconds: 8)
                    if (index + copy) % 2 == 0 {
                        try client.send("GET /slow HTTP/1.1\r\nHost: a\r\nX-")
                    } else {
                        try client.send("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nx")
                    }
                    slow.append(client)
                }
            }
            // A visitor from another address is answered while all of them are connected.
            for _ in 0..<3 {
                let visitor = try RawHTTPClient(port: server.boundPort, source: "127.0.0.200", timeoutSeconds: 5)
                try visitor.send("GET /portal HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try await visitor.readResponse().text == "hello /portal")
            }
            // Each slow client trickles a byte every 300 ms: never idle, yet cut by the deadline.
            var open = slow.count
            let clock = ContinuousClock()
            let giveUp = clock.now.advanced(by: .seconds(8))
            var alive = Array(repeating: true, count: slow.count)
            while open > 0, clock.now < giveUp {
                for (index, client) in slow.enumerated() where alive[index] {
                    if (try? client.send("x")) == nil || client.peerHasClosed() {
                        alive[index] = false
                        open -= 1
                    }
                }
                try await Task.sleep(for: .milliseconds(300))
            }
            #expect(open == 0, "\(open) slow clients still connected after 8 s with a 2 s deadline")
        }
    }

    @Test func keptAliveConnectionGetsAFreshDeadlinePerRequest() async throws {
        try await withServer(RecordingResponder(), configure: { $0.requestDeadlineSeconds = 1 }) { server in
            let client = try RawHTTPClient(port: server.boundPort, timeoutSeconds: 5)
            for index in 0..<3 {
                try await Task.sleep(for: .milliseconds(600))
                try client.send("GET /\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try await client.readResponse().text == "hello /\(index)")
            }
        }
    }

    @Test func slowAsyncAnswerIsNotCutByTheDeadline() async throws {
        try await withServer(SlowResponder(delay: .milliseconds(2500)), configure: { $0.requestDeadlineSeconds = 1 }) { server in
            let client = try RawHTTPClient(port: server.boundPort, timeoutSeconds: 10)
            try client.send("GET /wait HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try await client.readResponse().text == "slow /wait?")
        }
    }
}

extension RawHTTPClient {
    /// True once the server has closed (or reset) the connection; never blocks.
    func peerHasClosed() -> Bool {
        var probe: UInt8 = 0
        let count = recv(descriptor, &probe, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }
}
