#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the control channel itself (socket, permissions, protocol), with a stable `code`.
public struct ControlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifiers, for scripts and tests.
    public enum Code: String, Sendable {
        /// The socket path is empty or longer than a Unix socket address allows.
        case invalidSocketPath = "invalid-socket-path"
        /// Another daemon already answers on the socket.
        case alreadyRunning = "already-running"
        /// Something that is not a socket sits at the socket path.
        case pathOccupied = "path-occupied"
        /// No daemon listens on the socket.
        case daemonNotRunning = "daemon-not-running"
        /// The caller may not use the socket.
        case permissionDenied = "permission-denied"
        /// The other side did not answer in time.
        case timeout
        /// The other side sent something that is not a valid message.
        case protocolViolation = "protocol-violation"
        /// A system call failed unexpectedly.
        case systemCall = "system-call"
    }

    public let code: Code
    /// French message for the operator.
    public let message: String
    /// `errno` of the failed system call, when there was one.
    public let systemError: Int32?

    public init(_ code: Code, _ message: String, systemError: Int32? = nil) {
        self.code = code
        self.message = message
        self.systemError = systemError
    }

    public var description: String {
        guard let systemError else { return message }
        return "\(message) (\(String(cString: strerror(systemError))))"
    }

    /// A failed system call, named for the logs.
    static func system(_ call: String, _ errorNumber: Int32, path: String) -> ControlError {
        ControlError(.systemCall, "échec de \(call) sur \(path)", systemError: errorNumber)
    }
}
