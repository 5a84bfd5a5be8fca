/// A refusal or failure answered by the daemon: `{"ok":false,"error":"…","errorCode":"…"}`.
public struct ControlFailure: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// French message for the operator.
    public var error: String
    /// Stable machine-readable reason (see `ControlFailure.Code`).
    public var errorCode: String

    public init(_ message: String, code: String = Code.failed) {
        self.error = message
        self.errorCode = code
    }

    public var description: String { error }

    /// Stable values of `errorCode` set by the server itself; handlers may use their own.
    public enum Code {
        public static let malformedRequest = "malformed-request"
        public static let requestTooLarge = "request-too-large"
        public static let timeout = "timeout"
        public static let forbidden = "forbidden"
        public static let busy = "busy"
        public static let failed = "failed"
    }
}
