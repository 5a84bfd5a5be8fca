import Dispatch
import Dispatch
import FoundationEssentials
import Glibc
import Logging
import Synchronization

/// Serves one accepted connection: reads one request, checks the peer, asks the handler, answers, closes.
/// Runs on its own thread, never in the Swift cooperative pool, since reads and writes block.
final class ControlConnectionHandler: Sendable {
    let handler: any ControlHandler
    let policy: ControlAccessPolicy
    let logger: Logger
    let maxRequestBytes: Int
    let readTimeout: Duration
    let writeTimeout: Duration
    let maxConnections: Int
    private let active = Mutex(0)

    init(
        handler: any ControlHandler, policy: ControlAccessPolicy, logger: Logger,
        maxRequestBytes: Int, readTimeout: Duration, writeTimeout: Duration, maxConnections: Int
    ) {
        self.handler = handler
        self.policy = policy
        self.logger = logger
        self.maxRequestBytes = maxRequestBytes
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
        self.maxConnections = maxConnections
    }

    /// Takes ownership of `connection` and serves it on a new thread, or turns it away when too many are open.
    func dispatch(_ connection: UnixSocket) {
        let admitted = active.withLock { count in
            guard count < maxConnections else { return false }
            count += 1
            return true
        }
        guard admitted else {
            logger.warning("control connection refused: too many open", metadata: ["control.limit": "\(maxConnections)"])
            reply(.failure("démon occupé, réessayer", code: ControlResponse.Code.busy), on: connection, within: .milliseconds(100))
            connection.close()
            return
        }
        let started = DetachedThread.start(name: "relais-ctl-conn") { [self] in
            serve(connection)
            connection.close()
            active.withLock { $0 -= 1 }
        }
        if !started {
            logger.warning("control connection refused: no thread available")
            connection.close()
            active.withLock { $0 -= 1 }
        }
    }

    private func serve(_ connection: UnixSocket) {
        // The request is read before the peer is judged, so every client gets its answer instead of EPIPE.
        let outcome = connection.readMessage(limit: maxRequestBytes, until: .now + readTimeout)
        let peer = connection.peerCredentials()
        let response: ControlResponse
        var answered: ControlRequest?
        defer { answered.map(handler.didAnswer) }
        if let peer, policy.allows(userID: peer.userID, groupID: peer.groupID) {
            switch respond(to: outcome, uid: peer.userID) {
            case .some(let answer):
                response = answer.response
                answered = answer.request
            case .none: return
            }
        } else {
            let uid = peer.map { String($0.userID) } ?? "?"
            logger.notice("control client refused", metadata: ["control.uid": "\(uid)"])
            response = .failure(
                "accès refusé : réservé à root et au groupe de contrôle", code: ControlResponse.Code.forbidden)
        }
        reply(response, on: connection, within: writeTimeout)
    }

    /// The answer to what was read, with the request when it was readable; nil when the peer left
    /// without asking anything.
    private func respond(to outcome: UnixSocket.ReadOutcome, uid: uid_t) -> (response: ControlResponse, request: ControlRequest?)? {
        switch outcome {
        case .message(let bytes):
            return answer(bytes, uid: uid)
        case .tooLarge:
            logger.notice("control request too large", metadata: ["control.limit": "\(maxRequestBytes)"])
            return (.failure(
                "requête trop grande (au plus \(maxRequestBytes) octets)", code: ControlResponse.Code.requestTooLarge), nil)
        case .timedOut:
            logger.notice("control request timed out", metadata: ["control.uid": "\(uid)"])
            return (.failure("requête incomplète : délai dépassé", code: ControlResponse.Code.timeout), nil)
        case .closedEmpty:
            return nil
        case .failed(let errorNumber):
            logger.debug("control read failed", metadata: ["control.errno": "\(errorNumber)"])
            return nil
        }
    }

    private func answer(_ bytes: [UInt8], uid: uid_t) -> (response: ControlResponse, request: ControlRequest?) {
        let request: ControlRequest
        do {
            request = try ControlWire.decoder().decode(ControlRequest.self, from: Data(bytes))
        } catch {
            logger.notice("control request malformed", metadata: ["control.uid": "\(uid)"])
            return (.failure(ControlWire.explain(error), code: ControlResponse.Code.malformedRequest), nil)
        }
        logger.info("control request", metadata: [
            "control.command": "\(request.command)", "control.count": "\(request.macs.count)", "control.uid": "\(uid)",
        ])
        return (Self.wait(for: request, handler: handler), request)
    }

    /// Runs the async handler in a task and blocks this (non-pool) thread until it answers.
    private static func wait(for request: ControlRequest, handler: any ControlHandler) -> ControlResponse {
        let result = ResponseSlot()
        let done = DispatchSemaphore(value: 0)
        Task {
            result.store(await handler.handle(request))
            done.signal()
        }
        done.wait()
        return result.take()
    }

    private func reply(_ response: ControlResponse, on connection: UnixSocket, within timeout: Duration) {
        let bytes: [UInt8]
        do {
            bytes = try ControlWire.line(response)
        } catch {
            logger.error("control response encoding failed", metadata: ["error": "\(error)"])
            bytes = Array(#"{"ok":false,"error":"réponse impossible à encoder","errorCode":"failed"}"#.utf8) + [10]
        }
        if let errorNumber = connection.writeAll(bytes, until: .now + timeout) {
            logger.debug("control write failed", metadata: ["control.errno": "\(errorNumber)"])
        }
    }
}

/// Hands the handler's answer from its task back to the waiting connection thread.
private final class ResponseSlot: Sendable {
    private let value = Mutex<ControlResponse?>(nil)

    func store(_ response: ControlResponse) {
        value.withLock { $0 = response }
    }

    func take() -> ControlResponse {
        value.withLock { $0 } ?? .failure("aucune réponse du démon")
    }
}
