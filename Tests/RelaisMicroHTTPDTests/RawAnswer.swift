/// What came back on a connection, read raw: how many response heads, and the first status.
struct RawAnswer: CustomStringConvertible {
    let bytes: [UInt8]
    let closed: Bool

    /// Status lines at the start of the stream or of a line: two means two answers to one request.
    var heads: Int {
        let marker = Array("HTTP/1.1 ".utf8)
        var count = 0
        var index = 0
        while index + marker.count <= bytes.count {
            if (index == 0 || bytes[index - 1] == UInt8(ascii: "\n")), Array(bytes[index..<index + marker.count]) == marker {
                count += 1
                index += marker.count
            } else {
                index += 1
            }
        }
        return count
    }

    var status: Int? {
        guard bytes.count >= 12, Array(bytes.prefix(9)) == Array("HTTP/1.1 ".utf8) else { return nil }
        return Int(String(decoding: bytes[9..<12], as: UTF8.self))
    }

    var description: String {
        "\(heads) head(s), status \(status.map(String.init) ?? "none"), closed \(closed): \(String(decoding: bytes.prefix(120), as: UTF8.self).debugDescription)"
    }
}

extension RawHTTPClient {
    /// Sends `request` and reads everything until the server closes or `timeoutSeconds` pass.
    static func exchange(_ request: [UInt8], port: Int) async throws -> RawAnswer {
        let client = try RawHTTPClient(port: port, timeoutSeconds: 2)
        try client.send(request)
        let (bytes, closed) = await client.readUntilClosedOrTimeout()
        return RawAnswer(bytes: bytes, closed: closed)
    }
}
