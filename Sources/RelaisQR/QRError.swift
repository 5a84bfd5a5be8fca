/// Why a text could not become a QR code: the one error type of this module.
public struct QRError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The text does not fit the largest symbol (version 40) at this correction level.
        case tooLong = "too-long"
        /// Empty text: nothing to encode.
        case empty
        /// libqrencode failed for another reason (out of memory); `errno` is in the message.
        case encoder
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
