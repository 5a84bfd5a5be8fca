/// Why a time zone could not be loaded (the RelaisTime module's one error type).
public struct TimeZoneError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, stable for tests and logs.
    public enum Code: String, Sendable, Equatable {
        /// The name is not a tzdata zone name (characters, absolute path, empty part).
        case invalidName = "invalid-name"
        /// No zone file by that name.
        case unknownZone = "unknown-zone"
        /// The file exists but could not be read.
        case unreadable
        /// The file is not a valid TZif file.
        case malformed
        /// A valid TZif file that relais does not use (leap-second "right/" zones).
        case unsupported
    }

    public let code: Code
    /// The zone name as given.
    public let zone: String
    /// What exactly, in English, for the operator.
    public let detail: String

    public init(_ code: Code, zone: String, _ detail: String) {
        self.code = code
        self.zone = zone
        self.detail = detail
    }

    public var description: String { "time zone \"\(zone)\": \(code.rawValue): \(detail)" }
}
