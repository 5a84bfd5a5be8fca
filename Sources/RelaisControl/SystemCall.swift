#if canImport(Glibc)
import Glibc
#endif

/// A POSIX call that failed: which call, and its `errno`.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let call: String
    public let errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String { "\(call): \(String(cString: strerror(errno)))" }
}

/// The one funnel for plain POSIX calls (sockets, pipes, fcntl, setsockopt, chmod…), as swift-nio's `System.swift`:
/// -1 with `errno` becomes a `SystemError`, and an interrupted call (`EINTR`) is retried here and nowhere else.
enum SystemCall {
    /// Runs `body` until it is not interrupted; returns its non-negative result or throws its `errno`.
    /// Not for `close`: Linux releases the descriptor even when close is interrupted (see `close`).
    @discardableResult
    static func check<Result: BinaryInteger>(_ call: String, _ body: () -> Result) throws(SystemError) -> Result {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = Glibc.errno
            // A signal arrived before anything happened: the call has no effect yet, so it is safe to repeat.
            if code == EINTR { continue }
            throw SystemError(call: call, errno: code)
        }
    }

    /// Closes `descriptor` once. Retrying on EINTR could close a descriptor another thread just opened.
    static func close(_ descriptor: Int32) throws(SystemError) {
        guard Glibc.close(descriptor) == 0 else {
            let code = Glibc.errno
            if code == EINTR { return }
            throw SystemError(call: "close", errno: code)
        }
    }
}

extension ControlError {
    /// A failed system call on the control socket at `path`, keeping its errno.
    static func system(_ error: SystemError, path: String) -> ControlError {
        .system(error.call, error.errno, path: path)
    }
}
