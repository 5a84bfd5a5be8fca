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

    let deadlines: ConnectionDeadlines
    let refusals: RefusalLog

    init(configuration: MicroHTTPDServer.Configuration, responder: any HTTPResponder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.deadlines = ConnectionDeadlines(seconds: configuration.requestDeadlineSeconds)
        self.refusals = RefusalLog(logger: logger, interval: .seconds(configuration.refusalLogIntervalSeconds))
    }

    /// One access-handler call. MHD calls it once with the headers, once per body chunk, once at the
    /// end, and once more after a resume. A response queued on the first call makes MHD 0.9.75 close the
    /// connection: only refusals of the head are (they close it anyway), every answer waits for a later call.
    func handle(
        connection: OpaquePointer, method: String, methodPointer: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?,
        context: RequestContext,
        upload: UnsafePointer<CChar>?, uploadSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        if !context.sawHeaders {
            context.sawHeaders = true
            context.headers = ConnectionRequest.headers(of: connection)
            context.memoryCost = ConnectionMemory.requestCost(of: connection, headers: context.headers)
            var refusal = RequestFraming.check(
                method: method, version: version.map { String(cString: $0) } ?? "", target: context.rawTarget, headers: context.headers,
                limits: configuration.framingLimits)
            if refusal == nil, let method = methodPointer, ConnectionRequest.headHasUnrecordedLine(connection, method: method, version: version) {
                refusal = FramingRefusal(kind: .unrecordedFieldLine, status: 400)
            }
            if refusal == nil, context.memoryCost + ConnectionMemory.refusalReserveBytes > configuration.connectionMemoryBytes {
                refusal = FramingRefusal(kind: .headTooLarge, status: 431)
            }
            if let refusal {
                // Answered before any body byte is read; MHD then closes rather than read what is left.
                refusals.record(refusal.kind.rawValue)
                deadlines.received(connection)
                return queue(Self.refusalResponse(refusal.status), on: connection, closing: true)
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
            return queue(response, on: connection, context: context, closing: isStopping)
        }
        deadlines.received(connection)
        if context.bodyTooLarge {
            refusals.record(FramingRefusal.Kind.bodyTooLarge.rawValue)
            return queue(Self.tooLarge, on: connection, closing: true)
        }
        guard let request = ConnectionRequest.make(connection: connection, method: method, context: context, isSecure: configuration.tls != nil) else {
            // No peer address, so no device to answer for: MHD should always know it on an IP listener.
            logger.error("request without peer address")
            return queue(Self.failed, on: connection, closing: true)
        }
        if let response = responder.immediateResponse(to: request) {
            return queue(response, on: connection, context: context)
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
        guard serving.load(ordering: .relaxed) else {
            logger.warning("libmicrohttpd reported", metadata: ["mhd.message": "\(message)"])
            return
        }
        // Once serving, MHD's messages are about clients: counted, summarized by `refusals`.
        logger.debug("libmicrohttpd reported", metadata: ["mhd.message": "\(message)"])
        if let kind = RefusalLog.kind(ofMHDMessage: message) { refusals.record(kind, message: kind == "mhd-other" ? message : nil) }
    }

    private var isStopping: Bool { suspended.isDraining }

    /// Queues the responder's answer, or a 414/431 when its head would not fit beside the request in
    /// the connection's memory (MHD 0.9.75 would otherwise close without answering).
    private func queue(_ response: HTTPResponse, on connection: OpaquePointer, context: RequestContext, closing: Bool = false) -> MHD_Result {
        let headBytes = ConnectionMemory.responseHeadBytes(response.headers)
        guard ConnectionMemory.fits(requestCost: context.memoryCost, responseBytes: headBytes, poolBytes: configuration.connectionMemoryBytes) else {
            let refusal = context.rawTarget.utf8.count > 1024
                ? FramingRefusal(kind: .targetTooLong, status: 414) : FramingRefusal(kind: .headTooLarge, status: 431)
            refusals.record(refusal.kind.rawValue)
            return queue(Self.refusalResponse(refusal.status), on: connection, closing: true)
        }
        return queue(response, on: connection, closing: closing)
    }

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

    static let refusalAnswers: [Int: HTTPResponse] = [
        400: .text("Requête invalide / Bad request\n", status: 400),
        411: .text("Longueur requise / Length required\n", status: 411),
        413: tooLarge,
        414: .text("Adresse trop longue / URI too long\n", status: 414),
        431: .text("En-têtes trop volumineux / Request header fields too large\n", status: 431),
        501: .text("Non pris en charge / Not implemented\n", status: 501),
    ]

    /// The short answer to a refused request head: the status says why.
    static func refusalResponse(_ status: Int) -> HTTPResponse {
        refusalAnswers[status] ?? .text("Requête invalide / Bad request\n", status: 400)
    }
    static let failed = HTTPResponse.text("Erreur interne / Internal error\n", status: 500)
    static let stopping = HTTPResponse.text("Service en cours d’arrêt / Service stopping\n", status: 503)
}
