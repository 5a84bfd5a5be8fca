import Dispatch
import FoundationEssentials
import Glibc

/// Sends one request to the running daemon over its control socket and returns its answer.
public struct ControlClient: Sendable {
    public var socketPath: String
    /// Longest wait for the whole exchange; a batch of thousands of devices takes a few seconds.
    public var timeout: Duration
    /// Largest answer accepted, in bytes.
    public var maxResponseBytes: Int

    public init(socketPath: String, timeout: Duration = .seconds(60), maxResponseBytes: Int = 64 << 20) {
        self.socketPath = socketPath
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends one command and returns its typed answer, or the daemon's refusal.
    public func send<C: ControlCommand>(_ command: C.Type, _ request: C.Request) throws(ControlError) -> Result<C.Response, ControlFailure> {
        let bytes: [UInt8]
        do {
            bytes = try ControlEnvelope.request(command, request)
        } catch {
            throw ControlError(.protocolViolation, "requête impossible à encoder : \(error)")
        }
        let answer = try exchange(bytes)
        do {
            return try ControlEnvelope.answer(command, from: answer)
        } catch {
            throw ControlError(.protocolViolation, "réponse illisible du démon : \(ControlWire.explain(error))")
        }
    }

    /// Sends raw bytes as they are and returns the answer line; for tests of malformed input and for debugging.
    public func exchange(_ bytes: [UInt8]) throws(ControlError) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        let connection = try UnixSocket.make(path: socketPath)
        defer { connection.close() }
        let (seconds, attoseconds) = timeout.components
        try connection.connect(timeoutSeconds: Double(seconds) + Double(attoseconds) / 1e18)
        connection.setNonBlocking()
        let writeFailure = connection.writeAll(bytes, until: deadline)
        if writeFailure == ETIMEDOUT {
            throw ControlError(.timeout, "le démon relais ne lit pas la requête (délai dépassé)")
        }
        // Half-close: the daemon sees the end of the request even if the newline is missing.
        connection.finishWriting()
        // Even when the daemon stopped reading (EPIPE), it may have answered why: read on.
        switch connection.readMessage(limit: maxResponseBytes, until: deadline) {
        case .message(let answer):
            return answer
        case .timedOut:
            throw ControlError(.timeout, "le démon relais n'a pas répondu à temps")
        case .tooLarge:
            throw ControlError(.protocolViolation, "réponse du démon trop grande (plus de \(maxResponseBytes) octets)")
        case .closedEmpty:
            throw ControlError(.protocolViolation, "le démon a fermé la connexion sans répondre", systemError: writeFailure)
        case .failed(let errorNumber):
            throw .system("recv", errorNumber, path: socketPath)
        }
    }
}
