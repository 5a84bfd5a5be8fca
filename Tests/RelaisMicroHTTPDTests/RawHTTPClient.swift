#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A response as read off the wire by `RawHTTPClient`.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct RawClientError: Error, CustomStringConvertible {
    let description: String
}

/// A POSIX TCP client on loopback. Reads poll and sleep rather than block, so waiting tests never
/// starve the small cooperative pool that runs the server's `respond(to:)` tasks; they give up
/// after `timeoutSeconds` instead of hanging.
final class RawHTTPClient {
    private let socketFD: Int32
    var descriptor: Int32 { socketFD }
    private let timeout: Duration
    private var buffer: [UInt8] = []

    /// With `source`, the socket is bound to that IPv4 address first (any of 127.0.0.0/8 works on loopback).
    init(port: Int, host: String = "127.0.0.1", source: String? = nil, timeoutSeconds: Int = 10) throws {
        // Connect before storing the descriptor: once every property is set, a throw would run
        // deinit too, and a second close could hit a descriptor the server has since reused.
        socketFD = try Self.connected(port: port, host: host, source: source)
        timeout = .seconds(timeoutSeconds)
    }

    private static func connected(port: Int, host: String, source: String?) throws -> Int32 {
        let isIPv6 = host.contains(":")
        let descriptor = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawClientError(description: "socket: errno \(errno)") }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            inet_pton(AF_INET, source, &local.sin_addr)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                let code = errno
                Glibc.close(descriptor)
                throw RawClientError(description: "bind \(source): errno \(code)")
            }
        }
        let result: Int32
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw RawClientError(description: "connect: errno \(code)")
        }
        return descriptor
    }

    deinit { Glibc.close(socketFD) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawClientError(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads one response; with `bodyless` (answers to HEAD) the body is not read whatever Content-Length says.
    func readResponse(bodyless: Bool = false) async throws -> RawResponse {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            headEnd = buffer.firstRange(of: separator)?.lowerBound
            if headEnd != nil { break }
            guard try await fill() else { throw RawClientError(description: "closed before a full response head") }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + separator.count)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawClientError(description: "bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        let length = bodyless ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
        while buffer.count < length {
            guard try await fill() else { throw RawClientError(description: "closed inside a body") }
        }
        response.body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        return response
    }

    /// Every byte until the server closes the connection or, when it keeps it open, until the timeout.
    func readUntilClosedOrTimeout() async -> (bytes: [UInt8], closed: Bool) {
        while true {
            do {
                guard try await fill() else { return (buffer, true) }
            } catch {
                return (buffer, false)
            }
        }
    }

    /// True when the server closed the connection (EOF) before the timeout.
    func isClosedByPeer() async -> Bool {
        guard buffer.isEmpty else { return false }
        return (try? await fill()) == false
    }

    /// Reads more bytes; false at EOF, throws on timeout or error.
    private func fill() async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var descriptor = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 0) == 0 {
            guard clock.now < deadline else { throw RawClientError(description: "no data within \(timeout)") }
            try await Task.sleep(for: .milliseconds(2))
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
        // A reset after the answer is an end of stream too (MHD closes with unread bytes pending).
        if count == 0 || (count < 0 && errno == ECONNRESET) { return false }
        guard count > 0 else { throw RawClientError(description: "recv: errno \(errno)") }
        buffer.append(contentsOf: chunk.prefix(count))
        return true
    }
}
