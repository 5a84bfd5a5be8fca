import CCurl

/// The one error of this module: an HTTPS exchange that could not happen (connection, TLS, timeout) or a
/// client that could not be set up.
public struct PushError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// libcurl could not be set up (an option refused).
        case setup
        /// No HTTP answer: connection refused, TLS verification failed, timeout…
        case transport
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "push \(code.rawValue): \(message)" }

    /// Funnel for libcurl calls: throws unless `result` is `CURLE_OK`, with libcurl's own text.
    static func check(_ result: CURLcode, _ code: Code, _ operation: String, detail: String = "") throws(PushError) {
        guard result != CURLE_OK else { return }
        let reason = String(cString: curl_easy_strerror(result))
        throw PushError(code, "\(operation): \(reason) (\(result.rawValue))\(detail.isEmpty ? "" : ": \(detail)")")
    }
}
