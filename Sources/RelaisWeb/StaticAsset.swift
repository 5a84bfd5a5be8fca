/// One file of `captive-portal/static/`, held in memory with its content type.
public struct StaticAsset: Sendable, Equatable {
    public var contentType: String
    public var bytes: [UInt8]
    /// Short hash of the contents, put in links (`?v=`) so a long cache never serves an old file.
    public var version: String

    public init(contentType: String, bytes: [UInt8]) {
        self.contentType = contentType
        self.bytes = bytes
        var hash: UInt32 = 0x811c_9dc5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        self.version = String(hash, radix: 16)
    }

    /// The content type for a file name, by extension; nil for kinds the portal does not serve.
    static func contentType(forName name: String) -> String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "txt": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        default: return nil
        }
    }

    /// Names the portal will serve: lower-case letters, digits, `.`, `-`, `_`; no leading dot.
    public static func isServableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= 100 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
