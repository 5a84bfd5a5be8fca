import CMicroHTTPD

/// A libmicrohttpd failure, with a stable code for callers and a message for operators.
public struct MicroHTTPDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed; the raw values are stable and may be logged or matched on.
    public enum Code: String, Sendable {
        /// The configuration holds a value MHD cannot use (port out of range, negative limit…).
        case invalidConfiguration = "mhd.invalid-configuration"
        /// The listen address is not IPv4 or IPv6 text.
        case invalidAddress = "mhd.invalid-address"
        /// `start()` was called on a server that is running or was stopped.
        case invalidState = "mhd.invalid-state"
        /// `MHD_start_daemon` refused to start (address in use, not available…).
        case startFailed = "mhd.start-failed"
        /// MHD could not build a response or refused one of its header fields.
        case responseFailed = "mhd.response-failed"
        /// MHD refused to queue a response on a connection.
        case queueFailed = "mhd.queue-failed"
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}

// The one funnel every MHD call's result goes through.
extension MicroHTTPDError {
    /// Throws `code` when MHD answered `MHD_NO`.
    static func check(_ result: MHD_Result, _ code: Code, _ operation: @autoclosure () -> String) throws(MicroHTTPDError) {
        guard result == .YES else { throw MicroHTTPDError(code: code, message: "\(operation()) failed") }
    }

    /// Unwraps a pointer MHD returns, throwing `code` when it is NULL.
    static func check<Pointer>(
        _ pointer: Pointer?, _ code: Code, _ operation: @autoclosure () -> String
    ) throws(MicroHTTPDError) -> Pointer {
        guard let pointer else { throw MicroHTTPDError(code: code, message: "\(operation()) failed") }
        return pointer
    }
}
