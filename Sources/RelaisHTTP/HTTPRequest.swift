import RelaisCore

/// One HTTP request as the web layer sees it, independent of the server library.
public struct HTTPRequest: Sendable {
    /// Upper-case method: GET, POST, HEAD…
    public var method: String
    /// The path without the query string, still percent-encoded.
    public var path: String
    /// The raw query string after `?`, without it; empty when absent.
    public var query: String
    /// Header fields in arrival order, names lower-cased.
    public var headers: [(name: String, value: String)]
    /// The body as received (empty for GET).
    public var body: [UInt8]
    /// The peer's IP address, IPv4-mapped IPv6 already reported as the IPv4 it is.
    public var clientAddress: IPAddress
    /// True when the request arrived on a TLS listener (cookies are then marked `Secure`).
    public var isSecure: Bool

    public init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        clientAddress: IPAddress, isSecure: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.clientAddress = clientAddress
        self.isSecure = isSecure
    }

    /// The first value of a header field, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The `Host` header without a port, lower-cased; empty when absent.
    /// Computed from the bytes in one pass: it is read on every redirected probe.
    public var host: String {
        guard let value = header("host") else { return "" }
        var bytes = Array(value.utf8)
        if bytes.first == UInt8(ascii: "[") {
            guard let end = bytes.firstIndex(of: UInt8(ascii: "]")) else { return "" }
            bytes = Array(bytes[1..<end])
        } else if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
            bytes.removeSubrange(colon...)
        }
        for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
            bytes[index] += 32
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The decoded query parameters; nil when the query is malformed.
    public var queryParameters: [String: String]? {
        URLEncodedForm.decode(Array(query.utf8))
    }

    /// The decoded `application/x-www-form-urlencoded` body; nil when malformed.
    public var formParameters: [String: String]? {
        URLEncodedForm.decode(body)
    }
}
