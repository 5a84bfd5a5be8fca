import RelaisHTTP
import RelaisMicroHTTPD
import Testing

/// Every request gets exactly one well-formed answer, at once: the raw bytes are read until the server
/// closes, and the response heads are counted.
@Suite struct MicroHTTPDServerFramingTests {
    static let refused: [(name: String, raw: String, status: Int)] = [
        ("transfer-coding other than chunked", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("coding before chunked", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("two Transfer-Encoding lines", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        ("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("Transfer-Encoding and Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("two differing Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
        ("two equal Content-Length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 400),
        ("second Content-Length not a number", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: x\r\n\r\nhello", 400),
        ("POST without length", "POST /connexion HTTP/1.1\r\nHost: a\r\n\r\n", 411),
        ("HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", 400),
        ("two differing Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("two equal Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", 400),
        ("Host with a path", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
        ("empty field name", "GET / HTTP/1.1\r\nHost: a\r\n: foo\r\nX-A: b\r\n\r\n", 400),
        ("empty field name, last", "GET / HTTP/1.1\r\nHost: a\r\n: foo\r\n\r\n", 400),
        ("lone colon", "GET / HTTP/1.1\r\nHost: a\r\n:\r\nX-A: b\r\n\r\n", 400),
        ("folded field line", "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", 400),
        ("declared body too large", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999\r\n\r\n", 413),
        ("target too long", "GET /?\(String(repeating: "a", count: 5000)) HTTP/1.1\r\nHost: a\r\n\r\n", 414),
        ("too many fields", "GET / HTTP/1.1\r\nHost: a\r\n" + (0..<150).map { "X-H\($0): v\r\n" }.joined() + "\r\n", 431),
    ]

    @Test(arguments: refused.indices)
    func malformedHeadGetsOneAnswer(_ index: Int) async throws {
        let (name, raw, status) = Self.refused[index]
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
            #expect(answer.heads == 1, "\(name): \(answer)")
            #expect(answer.status == status, "\(name): \(answer)")
            #expect(answer.closed, "\(name): \(answer)")
            #expect(responder.requests.withLock { $0.isEmpty }, "\(name)")
        }
    }

    /// Accepted forms stay accepted: HTTP/1.0 without Host, bare LF line ends, empty values, chunked.
    @Test(arguments: [
        "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.1\nHost: a\nX-A:   b  \n\n",
        "GET /x?y=1 HTTP/1.1\r\nHost: a\r\nX-Empty:\r\nCookie: a=b; c=d\r\nConnection: close\r\n\r\n",
        "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc",
        "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: [::1]:8080\r\nConnection: close\r\n\r\n",
    ])
    func wellFormedHeadIsServed(_ raw: String) async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
            #expect(answer.heads == 1, "\(answer)")
            #expect(answer.status == 200, "\(answer)")
            #expect(responder.requests.withLock { $0.count } == 1)
        }
    }

    /// Hundreds of query parameters or small fields: the 16 KiB connection memory used to run out while
    /// the answer was built (no answer at all). Now each size gets exactly one answer: 200, 414 or 431.
    @Test func manyParametersOrFieldsAlwaysGetOneAnswer() async throws {
        let responder = LargeRedirectResponder()
        try await withServer(responder) { server in
            for count in stride(from: 50, through: 1200, by: 50) {
                let query = (0..<count).map { "p\($0)=v" }.joined(separator: "&")
                let raw = "GET /?\(query) HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
                #expect(answer.heads == 1, "\(count) parameters: \(answer)")
                #expect([200, 302, 414].contains(answer.status ?? 0), "\(count) parameters: \(answer)")
            }
            for count in stride(from: 20, through: 400, by: 20) {
                let fields = (0..<count).map { "X-H\($0): v\r\n" }.joined()
                let raw = "GET / HTTP/1.1\r\nHost: a\r\n\(fields)Connection: close\r\n\r\n"
                let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
                #expect(answer.heads == 1, "\(count) fields: \(answer)")
                #expect([200, 302, 431].contains(answer.status ?? 0), "\(count) fields: \(answer)")
            }
            for size in stride(from: 1000, through: 15000, by: 1000) {
                let raw = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(String(repeating: "b", count: size))\r\nConnection: close\r\n\r\n"
                let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
                #expect(answer.heads == 1, "\(size)-byte field: \(answer)")
            }
        }
    }

    /// A redirect that repeats the target (as the portal's `?continue=` does) and would not fit beside a
    /// long request in the connection memory gets 414 instead of nothing.
    @Test func answerTooLargeForTheConnectionMemoryBecomes414() async throws {
        try await withServer(LargeRedirectResponder()) { server in
            let raw = "GET /?\(String(repeating: "%C3%A9", count: 660)) HTTP/1.1\r\nHost: a\r\n\r\n"
            let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
            #expect(answer.heads == 1, "\(answer)")
            #expect(answer.status == 414, "\(answer)")
        }
    }

    /// With 0.9.75 an unreadable first Content-Length is answered by MHD itself, before any callback,
    /// and a bug in its state machine (parse_connection_headers queues the error, then
    /// MHD_connection_handle_idle overwrites the state and builds the head again) writes the head twice.
    /// The status is right and the connection closes; the duplicate head cannot be avoided from outside.
    @Test(arguments: ["-5", "abc", "5, 5", "99999999999999999999999"])
    func unreadableContentLengthIsAnsweredByMHD(_ value: String) async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let raw = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n"
            let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
            #expect([400, 413].contains(answer.status ?? 0), "\(answer)")
            #expect(answer.closed)
            #expect(responder.requests.withLock { $0.isEmpty })
            withKnownIssue("libmicrohttpd 0.9.75 writes the error head twice (fixed only by a newer libmicrohttpd)") {
                #expect(answer.heads == 1, "\(answer)")
            }
        }
    }

    /// Requests MHD refuses by itself, and the one the fuzzer found leaking (hundreds of query parameters),
    /// leave no request context behind: a visitor repeating them cannot grow the daemon's memory.
    @Test func requestsRefusedByMHDLeaveNothingBehind() async throws {
        try await withServer(RecordingResponder()) { server in
            let before = MicroHTTPDServer.requestsInMemory
            for value in ["-5", "abc", "5, 5", "99999999999999999999999"] {
                for _ in 0..<10 {
                    let raw = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n"
                    let answer = try await RawHTTPClient.exchange(Array(raw.utf8), port: server.boundPort)
                    #expect(answer.closed)
                }
            }
            let cookies = (0..<500).map { "c\($0)=v" }.joined(separator: "; ")
            _ = try await RawHTTPClient.exchange(Array("GET / HTTP/1.1\r\nHost: a\r\nCookie: \(cookies)\r\n\r\n".utf8), port: server.boundPort)
            // The fuzzer's finding: hundreds of query parameters once exhausted MHD's pool and leaked.
            let query = (0..<300).map { "p\($0)=\($0)" }.joined(separator: "&")
            _ = try await RawHTTPClient.exchange(Array("GET /?\(query) HTTP/1.1\r\nHost: a\r\n\r\n".utf8), port: server.boundPort)
            // MHD cleans a closed connection up on its own thread, just after the client saw the close.
            var left = MicroHTTPDServer.requestsInMemory - before
            for _ in 0..<100 where left > 0 {
                try await Task.sleep(for: .milliseconds(20))
                left = MicroHTTPDServer.requestsInMemory - before
            }
            #expect(left == 0, "request contexts still in memory after every connection closed")
        }
    }

    /// Same bug, same place: MHD copies and splits the Cookie field in parse_connection_headers, and a
    /// few hundred cookies exhaust the pool there (431 written twice).
    @Test func cookieFieldTooLargeForThePoolIsAnsweredByMHD() async throws {
        let responder = RecordingResponder()
        try await withServer(responder) { server in
            let cookies = (0..<500).map { "c\($0)=v" }.joined(separator: "; ")
            let answer = try await RawHTTPClient.exchange(Array("GET / HTTP/1.1\r\nHost: a\r\nCookie: \(cookies)\r\n\r\n".utf8), port: server.boundPort)
            #expect(answer.status == 431, "\(answer)")
            #expect(answer.closed)
            #expect(responder.requests.withLock { $0.isEmpty })
            withKnownIssue("libmicrohttpd 0.9.75 writes the error head twice (fixed only by a newer libmicrohttpd)") {
                #expect(answer.heads == 1, "\(answer)")
            }
        }
    }
}

/// Redirects to a URL that repeats the whole request target, percent-encoded, like the portal's probes.
final class LargeRedirectResponder: HTTPResponder {
    func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        let encoded = request.query.utf8.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
        return .redirect(to: "http://portal.example/?continue=http%3A%2F%2Fa%2F%3F\(encoded)")
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse { .text("not expected", status: 500) }
}
