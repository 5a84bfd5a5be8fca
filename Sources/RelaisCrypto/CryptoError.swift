import COpenSSL

/// The one error of this module: an OpenSSL call failed, with OpenSSL's own reason.
public struct CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable code: `hmac`, `random`, `key`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "crypto \(code): \(message)" }

    /// The error for a failed call, emptying OpenSSL's thread-local error queue into the message.
    static func fromQueue(code: String, operation: String) -> CryptoError {
        var reasons: [String] = []
        while case let error = ERR_get_error(), error != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(error, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return CryptoError(code: code, message: reasons.isEmpty ? "\(operation) failed" : "\(operation) failed: \(reasons.joined(separator: "; "))")
    }
}
