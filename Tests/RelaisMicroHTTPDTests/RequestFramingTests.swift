@testable import RelaisMicroHTTPD
import Testing

/// The head checks without a socket: each case and the status RFC 9110/9112 give it.
@Suite struct RequestFramingTests {
    static let limits = RequestFraming.Limits(maxTargetBytes: 100, maxHeaderFields: 5, maxBodyBytes: 1000)

    func check(_ headers: [(String, String)], method: String = "GET", version: String = "HTTP/1.1", target: String = "/") -> Int? {
        RequestFraming.check(
            method: method, version: version, target: target, headers: headers.map { (name: $0.0, value: $0.1) },
            limits: Self.limits)?.status
    }

    @Test func wellFormedHeadsPass() {
        #expect(check([("host", "a")]) == nil)
        #expect(check([], method: "GET", version: "HTTP/1.0") == nil)
        #expect(check([("host", "a"), ("content-length", " 12 ")], method: "POST") == nil)
        #expect(check([("host", "a"), ("transfer-encoding", "Chunked")], method: "POST") == nil)
        #expect(check([("host", "[::1]:8080")]) == nil)
    }

    @Test func hostRules() {
        #expect(check([]) == 400)
        #expect(check([("host", "a"), ("host", "a")]) == 400)
        #expect(check([("host", "a b")]) == 400)
        #expect(check([("host", "user@a")]) == 400)
    }

    @Test func transferEncodingRules() {
        #expect(check([("host", "a"), ("transfer-encoding", "gzip")], method: "POST") == 400)
        #expect(check([("host", "a"), ("transfer-encoding", "gzip, chunked")], method: "POST") == 501)
        #expect(check([("host", "a"), ("transfer-encoding", "chunked"), ("content-length", "3")], method: "POST") == 400)
        #expect(check([("transfer-encoding", "chunked")], method: "POST", version: "HTTP/1.0") == 400)
    }

    @Test func contentLengthRules() {
        #expect(check([("host", "a"), ("content-length", "-1")], method: "POST") == 400)
        #expect(check([("host", "a"), ("content-length", "1e3")], method: "POST") == 400)
        #expect(check([("host", "a"), ("content-length", "3"), ("content-length", "3")], method: "POST") == 400)
        #expect(check([("host", "a"), ("content-length", "99999999999999999999999")], method: "POST") == 400)
        #expect(check([("host", "a"), ("content-length", "1001")], method: "POST") == 413)
        #expect(check([("host", "a")], method: "POST") == 411)
        #expect(check([("host", "a")], method: "PUT") == 411)
        #expect(check([("host", "a")], method: "GET") == nil)
    }

    @Test func sizeRules() {
        #expect(check([("host", "a")], target: "/" + String(repeating: "a", count: 100)) == 414)
        #expect(check((0..<6).map { ("x-\($0)", "v") }) == 431)
        #expect(check([("host", "a"), ("", "foo")]) == 400)
    }
}
