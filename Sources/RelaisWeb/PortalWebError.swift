/// The one error of the web layer: the portal's files are missing or broken at start-up.
public struct PortalWebError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `missing-template`, `invalid-template`, `missing-static`, `read`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "portal \(code): \(message)" }
}
