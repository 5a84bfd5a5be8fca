/// A failure that knows its HTTP status and a stable code; the error middleware turns it into a page.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable, machine-readable reasons; pages and logs key on them, never on the wording.
    public enum Code: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case forbidden
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case payloadTooLarge = "payload-too-large"
        case tooManyRequests = "too-many-requests"
        case internalError = "internal-error"
        case serviceUnavailable = "service-unavailable"
    }

    public var status: Int
    public var code: Code
    /// Extra header fields of the answer (`Allow` for 405, `Retry-After` for 503).
    public var headers: [(name: String, value: String)]

    public init(_ code: Code, status: Int? = nil, headers: [(name: String, value: String)] = []) {
        self.code = code
        self.status = status ?? code.defaultStatus
        self.headers = headers
    }

    public var description: String { "HTTP \(status) \(code.rawValue)" }

    public static func == (lhs: HTTPError, rhs: HTTPError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

extension HTTPError.Code {
    /// The status this reason is answered with unless told otherwise.
    public var defaultStatus: Int {
        switch self {
        case .badRequest: 400
        case .forbidden: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .payloadTooLarge: 413
        case .tooManyRequests: 429
        case .internalError: 500
        case .serviceUnavailable: 503
        }
    }
}
