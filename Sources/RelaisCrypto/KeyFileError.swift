/// A key file that cannot be used: the daemon refuses to start on it, and never writes the log in clear.
public struct KeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes, one per thing the operator must fix.
    public enum Code: String, Sendable, Equatable {
        case missing, unreadable, tooOpen = "too-open", malformed, exists, write, noCurrentKey = "no-current-key"
    }

    public var code: Code
    /// The file concerned.
    public var path: String
    /// French first, then English, with the fix.
    public var message: String

    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    static func missing(_ path: String) -> KeyFileError {
        KeyFileError(.missing, path: path,
            "fichier de clé absent ; créez-le avec « relais keys init » (key file missing: run `relais keys init`)")
    }

    static func tooOpen(_ path: String, mode: UInt32) -> KeyFileError {
        KeyFileError(.tooOpen, path: path, "fichier de clé lisible par le groupe ou par tous (mode \(String(mode & 0o777, radix: 8))) ; "
            + "faites « chmod 600 » (key file readable by group or others: chmod 600 it)")
    }

    static func malformed(_ path: String, _ detail: String) -> KeyFileError {
        KeyFileError(.malformed, path: path, "fichier de clé illisible : \(detail) (malformed key file: \(detail))")
    }
}
