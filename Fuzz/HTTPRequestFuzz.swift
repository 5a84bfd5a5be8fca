import Glibc
import Logging
import RelaisHTTP
import RelaisMicroHTTPD

/// libFuzzer entry: raw bytes sent to the real libmicrohttpd adapter on loopback, as a visitor's device would.
/// The responder reads what the portal reads (method, path, query, headers, form). Every answer must begin
/// with one HTTP status line; the server must stay up (a crash or a hang is a finding).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let port = FuzzServer.shared.port
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { fatalError("socket: \(errno)") }
    defer { Glibc.close(socket) }
    // A request left incomplete is answered only at the server's timeout: bound the wait, keep the pace.
    var timeout = timeval(tv_sec: 0, tv_usec: 250_000)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { fatalError("the server stopped accepting: \(errno)") }
    _ = send(socket, data, size, Int32(MSG_NOSIGNAL))
    shutdown(socket, Int32(SHUT_WR))
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while answer.count < 1 << 20 {
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        answer += buffer[0..<count]
    }
    if !answer.isEmpty && !answer.starts(with: Array("HTTP/1.".utf8)) {
        fatalError("answer does not start with a status line")
    }
    return 0
}

/// The server under test, started once for the whole run.
final class FuzzServer: Sendable {
    static let shared = FuzzServer()
    let server: MicroHTTPDServer
    let port: Int

    private init() {
        var logger = Logger(label: "fuzz")
        logger.logLevel = .critical
        server = MicroHTTPDServer(
            configuration: .init(listenAddress: "127.0.0.1", port: 0, connectionTimeoutSeconds: 2),
            responder: EchoResponder(), logger: logger)
        do {
            try server.start()
        } catch {
            fatalError("server did not start: \(error)")
        }
        port = server.boundPort
    }
}

/// Reads every part of the request the portal reads, and answers with a summary of it.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let query = request.queryParameters?.count ?? -1
        let form = request.formParameters?.count ?? -1
        let text = "\(request.method) \(request.path) host=\(request.host) query=\(query) form=\(form) headers=\(request.headers.count)"
        return .text(text)
    }
}
