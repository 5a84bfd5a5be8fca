import Dispatch
import FoundationEssentials
import Glibc
import Logging
import Synchronization

/// Serves one accepted connection: reads one request, checks the peer, asks the router, answers, closes.
/// Runs on its own thread, never in the Swift cooperative pool, since reads and writes block.
final class ControlConnectionHandler: Sendable {
    let router: ControlRouter
    let policy: ControlAccessPolicy
    let logger: Logger
    let maxRequestBytes: Int
    let readTimeout: Duration
    let writeTimeout: Duration
    let maxConnections: Int
    private let active = Mutex(0)
    /// Entered for each connection being served, so `stop` can wait for them.
    private let inFlight = DispatchGroup()

    init(
        router: ControlRouter, policy: ControlAccessPolicy, logger: Logger,
        maxRequestBytes: Int, readTimeout: Duration, writeTimeout: Duration, maxConnections: Int
    ) {
        self.router = router
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
            reply(ControlEnvelope.failure(ControlFailure("démon occupé, réessayer", code: ControlFailure.Code.busy)),
                  on: connection, within: .milliseconds(100))
            connection.close()
            return
        }
        inFlight.enter()
        let started = DetachedThread.start(name: "relais-ctl-conn") { [self] in
            serve(connection)
            connection.close()
            active.withLock { $0 -= 1 }
            inFlight.leave()
        }
        if !started {
            logger.warning("control connection refused: no thread available")
            connection.close()
            active.withLock { $0 -= 1 }
            inFlight.leave()
        }
    }

    /// Waits until every connection being served is answered and closed, or `timeout` passes; true when idle.
    func waitUntilIdle(timeout: Duration) -> Bool {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(clamping: seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
        return inFlight.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
    }

    private func serve(_ connection: UnixSocket) {
        // The request is read before the peer is judged, so every client gets its answer instead of EPIPE.
        let outcome = connection.readMessage(limit: maxRequestBytes, until: .now + readTimeout)
        let peer = connection.peerCredentials()
        guard let peer, policy.allows(userID: peer.userID, groupID: peer.groupID) else {
            let uid = peer.map { String($0.userID) } ?? "?"
            logger.notice("control client refused", metadata: ["control.uid": "\(uid)"])
            reply(ControlEnvelope.failure(ControlFailure(
                "accès refusé : réservé à root et au groupe de contrôle", code: ControlFailure.Code.forbidden)),
                  on: connection, within: writeTimeout)
            return
        }
        guard let handled = respond(to: outcome, uid: peer.userID) else { return }
        reply(handled.answer, on: connection, within: writeTimeout)
        if let command = handled.command { router.afterAnswer(command, handled.itemCount) }
    }

    /// The answer to what was read; nil when the peer left without asking anything.
    private func respond(to outcome: UnixSocket.ReadOutcome, uid: uid_t) -> ControlRouter.Handled? {
        switch outcome {
        case .message(let bytes):
            return Self.wait { [router, logger] in await router.respond(to: bytes, logger: logger, uid: uid) }
        case .tooLarge:
            logger.notice("control request too large", metadata: ["control.limit": "\(maxRequestBytes)"])
            return ControlRouter.Handled(answer: ControlEnvelope.failure(ControlFailure(
                "requête trop grande (au plus \(maxRequestBytes) octets)", code: ControlFailure.Code.requestTooLarge)))
        case .timedOut:
            logger.notice("control request timed out", metadata: ["control.uid": "\(uid)"])
            return ControlRouter.Handled(answer: ControlEnvelope.failure(ControlFailure(
                "requête incomplète : délai dépassé", code: ControlFailure.Code.timeout)))
        case .closedEmpty:
            return nil
        case .failed(let errorNumber):
            logger.debug("control read failed", metadata: ["control.errno": "\(errorNumber)"])
            return nil
        }
    }

    /// Runs the async router in a task and blocks this (non-pool) thread until it answers.
    private static func wait(_ body: @escaping @Sendable () async -> ControlRouter.Handled) -> ControlRouter.Handled {
        let result = HandledSlot()
        let done = DispatchSemaphore(value: 0)
        Task {
            result.store(await body())
            done.signal()
        }
        done.wait()
        return result.take()
    }

    private func reply(_ bytes: [UInt8], on connection: UnixSocket, within timeout: Duration) {
        if let errorNumber = connection.writeAll(bytes, until: .now + timeout) {
            logger.debug("control write failed", metadata: ["control.errno": "\(errorNumber)"])
        }
    }
}

/// Hands the router's answer from its task back to the waiting connection thread.
private final class HandledSlot: Sendable {
    private let value = Mutex<ControlRouter.Handled?>(nil)

    func store(_ handled: ControlRouter.Handled) {
        value.withLock { $0 = handled }
    }

    func take() -> ControlRouter.Handled {
        value.withLock { $0 } ?? ControlRouter.Handled(answer: ControlEnvelope.failure(ControlFailure("aucune réponse du démon")))
    }
}
