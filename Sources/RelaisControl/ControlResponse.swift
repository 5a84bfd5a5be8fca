import RelaisCore

/// The daemon's answer to one `ControlRequest`.
///
/// `ok` says whether the command was carried out; the payload matching the command is set,
/// the others are nil. Batch commands fill `affected`, `unchanged` and `invalid`.
public struct ControlResponse: Codable, Sendable, Equatable {
    public var ok: Bool
    /// French message for the operator when `ok` is false.
    public var error: String?
    /// Stable machine-readable reason when `ok` is false (see `ControlResponse.Code`).
    public var errorCode: String?
    public var status: StatusReport?
    public var clients: [ClientReport]?
    /// Devices the batch changed.
    public var affected: Int?
    /// Devices already in the requested state (or skipped, e.g. blocked devices on `authorize`).
    public var unchanged: [MACAddress]?
    /// Devices refused as not a single device (group or all-zero addresses).
    public var invalid: [MACAddress]?

    public init(
        ok: Bool, error: String? = nil, errorCode: String? = nil, status: StatusReport? = nil,
        clients: [ClientReport]? = nil, affected: Int? = nil, unchanged: [MACAddress]? = nil,
        invalid: [MACAddress]? = nil
    ) {
        self.ok = ok
        self.error = error
        self.errorCode = errorCode
        self.status = status
        self.clients = clients
        self.affected = affected
        self.unchanged = unchanged
        self.invalid = invalid
    }

    /// Stable values of `errorCode` set by the server itself; handlers may use their own.
    public enum Code {
        public static let malformedRequest = "malformed-request"
        public static let requestTooLarge = "request-too-large"
        public static let timeout = "timeout"
        public static let forbidden = "forbidden"
        public static let busy = "busy"
        public static let failed = "failed"
    }

    /// A refusal or failure, with a message for the operator.
    public static func failure(_ message: String, code: String = Code.failed) -> ControlResponse {
        ControlResponse(ok: false, error: message, errorCode: code)
    }

    public static func status(_ report: StatusReport) -> ControlResponse {
        ControlResponse(ok: true, status: report)
    }

    public static func clients(_ reports: [ClientReport]) -> ControlResponse {
        ControlResponse(ok: true, clients: reports)
    }

    public static func batch(affected: Int, unchanged: [MACAddress] = [], invalid: [MACAddress] = []) -> ControlResponse {
        ControlResponse(ok: true, affected: affected, unchanged: unchanged, invalid: invalid)
    }
}
