import RelaisTesting
import Logging
import RelaisHTTP
import RelaisMicroHTTPD
import Synchronization

/// Answers at once on the MHD thread and keeps every request it saw.
final class RecordingResponder: HTTPResponder {
    let requests = Mutex<[HTTPRequest]>([])

    func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        requests.withLock { $0.append(request) }
        return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain"), ("X-Echo-Path", request.path)], body: Array("hello \(request.path)".utf8))
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        HTTPResponse.text("not expected", status: 500)
    }

    var last: HTTPRequest? { requests.withLock { $0.last } }
}

/// Needs slow work for every path but `/fast`: sleeps `delay` in `respond`, counting who started.
final class SlowResponder: HTTPResponder {
    let delay: Duration
    let started = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    /// The most `respond` calls seen running at once.
    let peakInFlight = Atomic<Int>(0)

    init(delay: Duration) { self.delay = delay }

    func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        request.path == "/fast" ? .text("fast") : nil
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let running = started.add(1, ordering: .sequentiallyConsistent).newValue
            - finished.load(ordering: .sequentiallyConsistent)
        peakInFlight.max(running, ordering: .sequentiallyConsistent)
        defer { finished.add(1, ordering: .sequentiallyConsistent) }
        do {
            try await Task.sleep(for: delay)
        } catch {
            return .text("cancelled", status: 503)
        }
        return .text("slow \(request.path)?\(request.query)")
    }
}

/// Starts a server on 127.0.0.1 with an ephemeral port, runs `body`, and always stops it.
func withServer<Result>(
    _ responder: any HTTPResponder, logger: Logger = LogRecorder().logger(),
    configure: (inout MicroHTTPDServer.Configuration) -> Void = { _ in },
    _ body: (MicroHTTPDServer) async throws -> Result
) async throws -> Result {
    var configuration = MicroHTTPDServer.Configuration(listenAddress: "127.0.0.1", port: 0)
    configure(&configuration)
    let server = MicroHTTPDServer(configuration: configuration, responder: responder, logger: logger)
    try server.start()
    defer { server.stop() }
    return try await body(server)
}

/// Opens `count` connections and sends each its request, before any answer is read.
func openClients(_ count: Int, port: Int, timeoutSeconds: Int = 10, request: (Int) -> String) throws -> [RawHTTPClient] {
    try (0..<count).map { index in
        let client = try RawHTTPClient(port: port, timeoutSeconds: timeoutSeconds)
        try client.send(request(index))
        return client
    }
}
