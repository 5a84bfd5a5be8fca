import CMicroHTTPD
import Logging
import RelaisHTTP
import Synchronization

/// What the MHD callbacks reach through their `cls` pointer: the responder and the request flow.
final class ServerCore: Sendable {
    let configuration: MicroHTTPDServer.Configuration
    let responder: any HTTPResponder
    let logger: Logger
    let suspended = SuspendedRequests()
    /// MHD's latest message, to explain a failed start.
    let lastMHDMessage = Mutex<String?>(nil)
    /// Set once the daemon runs: from then on most MHD messages are about a client's misbehaviour.
    let serving = Atomic<Bool>(false)

    init(configuration: MicroHTTPDServer.Configuration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// One access-handler call. MHD calls it once with the headers, once per body chunk, once at the
    /// end, and once more after a resume; the response is never queued on the first call, which would
    /// make MHD 0.9.75 close a keep-alive connection.
    func handle(
        connection: OpaquePointer, method: String, context: RequestContext,
        upload: UnsafePointer<CChar>?, uploadSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        if !context.sawHeaders {
            context.sawHeaders = true
            if let declared = ConnectionRequest.contentLength(of: connection), declared > UInt64(configuration.maxBodyBytes) {
                // Answer before reading the body; MHD then closes rather than read what is left.
                return queue(Self.tooLarge, on: connection, closing: true)
            }
            return .YES
        }
        if uploadSize.pointee > 0 {
            receive(upload, count: uploadSize.pointee, into: context)
            uploadSize.pointee = 0
            return .YES
        }
        if let slot = context.slot {
            guard let response = slot.take() else { return .NO }
            return queue(response, on: connection, closing: isStopping)
        }
        if context.bodyTooLarge { return queue(Self.tooLarge, on: connection, closing: true) }
        let request = ConnectionRequest.make(connection: connection, method: method, context: context)
        if let response = responder.immediateResponse(to: request) {
            return queue(response, on: connection)
        }
        dispatch(request, connection: connection, context: context)
        return .YES
    }

    private func receive(_ upload: UnsafePointer<CChar>?, count: Int, into context: RequestContext) {
        guard !context.bodyTooLarge, let upload else { return }
        guard context.body.count + count <= configuration.maxBodyBytes else {
            // Chunked bodies have no length up front: drop what came and answer 413 at the end.
            context.bodyTooLarge = true
            context.body = []
            return
        }
        context.body.append(contentsOf: UnsafeRawBufferPointer(start: upload, count: count))
    }

    /// Suspends the connection while `respond(to:)` runs in a task, so no MHD thread waits on it.
    private func dispatch(_ request: HTTPRequest, connection: OpaquePointer, context: RequestContext) {
        let slot = ResponseSlot()
        context.slot = slot
        let handle = SuspendedConnection(pointer: connection)
        MHD_suspend_connection(connection)
        guard let ticket = suspended.register(handle, slot: slot) else {
            // Stopping: answer at once. This thread is joined before MHD_stop_daemon checks for
            // suspended connections, so resuming here is in time.
            slot.put(Self.stopping)
            MHD_resume_connection(connection)
            return
        }
        let responder = self.responder
        let suspended = self.suspended
        let task = Task {
            let response = await responder.respond(to: request)
            suspended.complete(ticket, with: response)
        }
        suspended.attach(task, to: ticket)
    }

    /// Logs an MHD message: a warning while starting, info once serving (a client that hangs up
    /// or sends garbage is routine for a portal and must not flood the log).
    func record(mhdMessage message: String) {
        lastMHDMessage.withLock { $0 = message }
        let level: Logger.Level = serving.load(ordering: .relaxed) ? .info : .warning
        logger.log(level: level, "libmicrohttpd reported", metadata: ["mhd.message": "\(message)"])
    }

    private var isStopping: Bool { suspended.isDraining }

    private func queue(_ response: HTTPResponse, on connection: OpaquePointer, closing: Bool = false) -> MHD_Result {
        do {
            try ResponseQueue.queue(response, on: connection, closing: closing)
            return .YES
        } catch {
            logger.error("response not queued", metadata: ["mhd.error": "\(error)", "http.status": "\(response.status)"])
        }
        // A response MHD refused (bad status or header field) becomes a plain 500.
        do {
            try ResponseQueue.queue(Self.failed, on: connection, closing: true)
            return .YES
        } catch {
            return .NO
        }
    }

    static let tooLarge = HTTPResponse.text("Requête trop volumineuse / Request too large\n", status: 413)
    static let failed = HTTPResponse.text("Erreur interne / Internal error\n", status: 500)
    static let stopping = HTTPResponse.text("Service en cours d’arrêt / Service stopping\n", status: 503)
}
